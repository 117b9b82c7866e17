import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The list state a URL's search holds: each key's value ('' when absent) and the page (1 unless a valid one). */
export function searchParamValues<K extends string>(
  params: URLSearchParams,
  keys: readonly K[],
): { values: Record<K, string>; page: number } {
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  return { values, page: Math.max(1, Number(params.get('page')) || 1) };
}

/**
 * List state (page, search text, filters) kept in the URL so it survives reloads and can be linked.
 * Changing any filter resets the page to 1.
 */
export function useSearchParamState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const { values, page } = searchParamValues(params, keys);

  const update = useCallback(
    (patch: Partial<Record<K | 'page', string | number | null>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          let filterChanged = false;
          for (const [key, value] of Object.entries(patch) as [string, string | number | null | undefined][]) {
            if (key !== 'page') filterChanged = true;
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (filterChanged && !('page' in patch)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { values, page, update };
}
