import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parseCalendarDate, parseDateTimeWithOffset } from '@kompeten/shared-util';

/** What every OpenAPI description of a date-time input says (decision 0015). */
export const DATE_TIME_WITH_OFFSET_DOC =
  'ISO 8601 date-time WITH an offset (Z or +07:00/+08:00/+09:00); a date-time without one is refused with 400';

/**
 * An ISO 8601 date-time that names its offset: `2026-12-31T10:00:00+08:00` or `…Z`. A date-time without an offset is
 * refused rather than read as UTC or as the server's zone (decision 0015); the message says what to add.
 * `orDateField` names a sibling field that takes a plain date, for the message to offer it.
 */
export function IsIsoDateTimeWithOffset(
  field: string,
  opts: { orDateField?: string } = {},
  options?: ValidationOptions,
): PropertyDecorator {
  const example = `${field} harus tanggal-waktu ISO 8601 dengan zona waktu, mis. 2026-12-31T10:00:00+08:00 atau 2026-12-31T02:00:00Z`;
  const orDate = opts.orDateField ? ` atau kirim tanggal saja di ${opts.orDateField} (mis. 2026-12-31)` : '';
  return ValidateBy(
    {
      name: 'isIsoDateTimeWithOffset',
      validator: {
        validate: (value: unknown) => parseDateTimeWithOffset(value).ok,
        defaultMessage: (args) => {
          const r = parseDateTimeWithOffset(args?.value);
          if (r.ok) return example;
          if (r.problem === 'no_offset')
            return `${field} tanpa zona waktu tidak jelas maksudnya: tambahkan offset (mis. +08:00 untuk WITA, atau Z untuk UTC)${orDate}`;
          if (r.problem === 'date_only')
            return opts.orDateField
              ? `${field} berisi tanggal saja: kirim di ${opts.orDateField}, atau tambahkan jam dan offset`
              : `${field} harus memuat jam dan zona waktu, mis. 2026-12-31T10:00:00+08:00`;
          return `${example}; tanggal atau jam yang dikirim tidak valid`;
        },
      },
    },
    options,
  );
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function IsCalendarDate(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseCalendarDate(value) !== null,
        defaultMessage: (args) =>
          typeof args?.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(args.value)
            ? `${field} ${args.value} tidak ada di kalender`
            : `${field} harus tanggal berformat YYYY-MM-DD, mis. 2026-12-31`,
      },
    },
    options,
  );
}
