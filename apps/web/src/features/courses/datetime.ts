import type { AgencyTimeZone } from '@kompeten/shared-contracts';

/** WIB, WITA and WIT have fixed offsets (no daylight saving), so a wall-clock time converts without a tz library. */
const OFFSET_HOURS: Record<AgencyTimeZone, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → "YYYY-MM-DDTHH:mm" wall-clock in the zone (the value of an <input type="datetime-local">). */
export function toZonedInput(iso: string | null | undefined, timeZone: AgencyTimeZone): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const shifted = new Date(date.getTime() + OFFSET_HOURS[timeZone] * 3_600_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** "YYYY-MM-DDTHH:mm" wall-clock in the zone → ISO instant; null for an empty or invalid value. */
export function fromZonedInput(value: string, timeZone: AgencyTimeZone): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, m, d, h, min] = match.map(Number);
  const utc = Date.UTC(y, m - 1, d, h - OFFSET_HOURS[timeZone], min);
  return Number.isNaN(utc) ? null : new Date(utc).toISOString();
}
