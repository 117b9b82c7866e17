import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Caps a free-form JSON value (a player position, a quiz response, an answer key) that has no DTO of its own:
 * at most `maxItems` elements in any list and at most `maxChars` characters once serialised. The global body checks
 * (apps/api/src/http/hostile-input.ts) bound every body; this sizes one field to its real use.
 */
export function JsonSizeMax(
  name: string,
  limits: { maxChars: number; maxItems?: number },
  options?: ValidationOptions,
): PropertyDecorator {
  const maxItems = limits.maxItems ?? Number.POSITIVE_INFINITY;
  const fits = (value: unknown): boolean => {
    if (value === undefined || value === null) return true;
    const pending: unknown[] = [value];
    while (pending.length) {
      const v = pending.pop();
      if (Array.isArray(v)) {
        if (v.length > maxItems) return false;
        pending.push(...v);
      } else if (v !== null && typeof v === 'object') pending.push(...Object.values(v));
    }
    return JSON.stringify(value).length <= limits.maxChars;
  };
  const sizes = `${limits.maxItems !== undefined ? `maks. ${limits.maxItems} butir per daftar, ` : ''}maks. ${limits.maxChars.toLocaleString('id-ID')} karakter`;
  return ValidateBy(
    { name: 'jsonSizeMax', validator: { validate: fits, defaultMessage: () => `${name} terlalu besar (${sizes})` } },
    options,
  );
}
