import type { AgencyTimeZone } from '@kompeten/shared-contracts';
import { instantOfLocal, isoInZone, parseCalendarDate } from '@kompeten/shared-util';

/** ISO instant → "YYYY-MM-DDTHH:mm" wall-clock in the zone (the value of an <input type="datetime-local">). */
export function toZonedInput(iso: string | null | undefined, timeZone: AgencyTimeZone): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return isoInZone(date, timeZone).slice(0, 16);
}

/**
 * "YYYY-MM-DDTHH:mm" wall-clock in the zone → ISO instant in UTC (with its `Z`: the API refuses a date-time without an
 * offset); null for an empty or invalid value.
 */
export function fromZonedInput(value: string, timeZone: AgencyTimeZone): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  const date = match ? parseCalendarDate(match[1]) : null;
  if (!match || !date) return null;
  const [h, min] = [Number(match[2]), Number(match[3])];
  if (h > 23 || min > 59) return null;
  return instantOfLocal(date, { h, min }, timeZone).toISOString();
}
