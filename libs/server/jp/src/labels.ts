import { JENIS_DIKLAT, type JpUnit } from '@kompeten/shared-contracts';

/** Names used in messages and answers (Bahasa Indonesia, as the API's messages are). */
export const UNIT_LABEL: Record<JpUnit, string> = { hour: 'jam', session: 'sesi', day: 'hari', activity: 'kegiatan' };

export function jenisDiklatName(id: number): string {
  return JENIS_DIKLAT.find((f) => f.id === id)?.name ?? `Jenis diklat ${id}`;
}
