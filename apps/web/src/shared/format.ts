import { TIME_ZONE_LABEL, type AgencyTimeZone } from '@kompeten/shared-contracts';
import i18next from 'i18next';

/**
 * BCP 47 locale for Intl of a UI language (the app's current one by default). Read from the i18next instance rather
 * than imported from ../i18n, so these formatters stay pure and testable without a browser.
 */
function intlLocale(lng: string | undefined = i18next.language): string {
  return lng === 'en' ? 'en-GB' : 'id-ID';
}

/** Intl formatters by kind, locale and options: creating one costs far more than using it, and a list formats many values. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = create()));
  return formatter;
}

const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`date ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached(`number ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

function partsOf(date: Date, locale: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const p of dateTimeFormat(locale, options).formatToParts(date)) parts[p.type] = p.value;
  return parts;
}

/** Day, short month and year of an instant in a zone: "4 Des 2026" (Indonesian) or "4 Dec 2026" (English). */
function dayMonthYear(date: Date, lng: string | undefined, timeZone: string): string {
  const p = partsOf(date, intlLocale(lng), { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  return `${p.day} ${p.month.replace(/\.$/, '')} ${p.year}`;
}

/** Hours and minutes of an instant in a zone, 24-hour: "06.14" in Indonesian (PUEBI), "06:14" in English. */
export function formatTime(iso: string | Date, timeZone: AgencyTimeZone, lng?: string, seconds = false): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  const p = partsOf(date, 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
    timeZone,
  });
  const sep = intlLocale(lng) === 'id-ID' ? '.' : ':';
  return [p.hour, p.minute, ...(seconds ? [p.second] : [])].join(sep);
}

/**
 * An instant in the given agency time zone with its WIB/WITA/WIT label, the one way the app writes a moment:
 * "4 Des 2026, 06.14 WITA" (English: "4 Dec 2026, 06:14 WITA"). Built from parts so every browser writes it alike.
 */
export function formatDateTime(iso: string | null | undefined, timeZone: AgencyTimeZone, lng?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dayMonthYear(date, lng, timeZone)}, ${formatTime(date, timeZone, lng)} ${TIME_ZONE_LABEL[timeZone]}`;
}

/** A calendar day of an instant in an agency zone, without the time: "4 Des 2026". */
export function formatDay(iso: string | null | undefined, timeZone: AgencyTimeZone, lng?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dayMonthYear(date, lng, timeZone);
}

/** A calendar date (YYYY-MM-DD, no time zone), e.g. "26 September 1986". */
export function formatDate(isoDate: string | null | undefined, lng?: string): string {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return dateTimeFormat(intlLocale(lng), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A file size with a decimal comma in Indonesian: "1,5 MB". */
export function formatBytes(bytes: number, lng?: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, lng)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lng, 1)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), lng, 1)} MB`;
}

/** A number with thousands dots and a decimal comma in Indonesian ("1.234,5"), at most `maxFractionDigits` decimals. */
export function formatNumber(value: number, lng?: string, maxFractionDigits = 2): string {
  return numberFormat(intlLocale(lng), { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A percentage given as 0–100: "88,89 %" in Indonesian (a space before the sign), "88.89%" in English. */
export function formatPercent(value: number, lng?: string, maxFractionDigits = 2): string {
  const n = formatNumber(value, lng, maxFractionDigits);
  return intlLocale(lng) === 'id-ID' ? `${n} %` : `${n}%`;
}

/**
 * Creates the app's first formatter. The first one a page creates loads the browser's locale data (30–130 ms of main
 * thread on a fast machine) unless the early script's worker has loaded it already (decision 0042): main.tsx calls this
 * in a task of its own before React takes over a page drawn on the server, so that cost is never added to React's work.
 */
export function warmUpIntl(lng?: string): void {
  formatNumber(0, lng);
}
