import { JENIS_DIKLAT } from '@kompeten/shared-contracts';

/** The SIASN name of a form of development ("Seminar", "E-Learning"). */
export function formName(jenisDiklatId: number): string {
  return JENIS_DIKLAT.find((f) => f.id === jenisDiklatId)?.name ?? String(jenisDiklatId);
}

/** Percentages of a whole, rounded, that add up to 100 (largest remainder); all 0 for a zero whole. */
export function shares(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + Math.max(0, b), 0);
  if (total <= 0) return values.map(() => 0);
  const exact = values.map((v) => (Math.max(0, v) / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors;
}
