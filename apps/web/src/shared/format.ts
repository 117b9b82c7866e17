import { TIME_ZONE_LABEL, type AgencyTimeZone } from '@kompeten/shared-contracts';
import { intlLocale } from '../i18n';

/** An instant in the given agency time zone with its WIB/WITA/WIT label, e.g. "12 Mar 2026 09.30 WITA". */
export function formatDateTime(iso: string | null | undefined, timeZone: AgencyTimeZone, lng?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(intlLocale(lng), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
  return `${text} ${TIME_ZONE_LABEL[timeZone]}`;
}

/** A calendar date (YYYY-MM-DD, no time zone), e.g. "26 September 1986". */
export function formatDate(isoDate: string | null | undefined, lng?: string): string {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(intlLocale(lng), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatNumber(value: number, lng?: string): string {
  return new Intl.NumberFormat(intlLocale(lng)).format(value);
}
