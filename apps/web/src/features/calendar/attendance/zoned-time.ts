import type { AgencyTimeZone } from '@kompeten/shared-contracts';

const OFFSET: Record<AgencyTimeZone, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};

/** `HH:MM` on a local date in an agency zone as an ISO instant with the offset (the zones keep no daylight saving). */
export function zonedIso(date: string, hhmm: string, zone: AgencyTimeZone): string | null {
  const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(hhmm.trim());
  if (!m) return null;
  return `${date}T${m[1].padStart(2, '0')}:${m[2]}:00${OFFSET[zone]}`;
}
