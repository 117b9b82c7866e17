import { beforeAll, describe, expect, it } from '@jest/globals';
import { searchParamValues } from '../../shared/hooks/useSearchParamState';

// queries.ts reaches the i18n setup through the API client, which touches <html lang> and window.
Object.assign(globalThis, {
  document: { documentElement: { lang: '' } },
  window: { addEventListener: () => undefined },
  localStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
});
let CATALOG_FILTERS: typeof import('./queries').CATALOG_FILTERS;
let CATALOG_PAGE_SIZE: number;
let catalogKeys: typeof import('./queries').catalogKeys;
let catalogParamsOf: typeof import('./queries').catalogParamsOf;
beforeAll(async () => {
  ({ CATALOG_FILTERS, CATALOG_PAGE_SIZE, catalogKeys, catalogParamsOf } = await import('./queries'));
});

const paramsOfUrl = (search: string) => {
  const { values, page } = searchParamValues(new URLSearchParams(search), CATALOG_FILTERS);
  return catalogParamsOf(values, page);
};

describe('the catalog query a URL asks for (the page and its route prefetch read it alike)', () => {
  it('keeps known filters and a valid page, drops unknown values', () => {
    expect(paramsOfUrl('?q=etika&level=lanjut&jpMin=2&page=3&competencyKind=NOPE&jpMax=-1')).toEqual({
      q: 'etika',
      competencyKind: undefined,
      learningMethod: undefined,
      level: 'lanjut',
      jpMin: 2,
      jpMax: undefined,
      page: 3,
      pageSize: CATALOG_PAGE_SIZE,
    });
    expect(paramsOfUrl('?page=0')).toMatchObject({ page: 1 });
  });

  it('gives the same cache key for the same URL whatever the order of its parameters', () => {
    const key = (search: string) => JSON.stringify(catalogKeys.list(paramsOfUrl(search)));
    expect(key('?jpMin=2&q=x')).toBe(key('?q=x&jpMin=2'));
  });
});
