import { describe, expect, it } from '@jest/globals';
import { en } from './en';
import { id } from './id';

type Tree = { [key: string]: string | Tree };

/** "namespace:path.to.key" → text, for every leaf of a catalog. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}${prefix.includes(':') ? '.' : ':'}${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', () => {
  const idLeaves = leaves(id);
  const enLeaves = leaves(en);

  it('Indonesian and English have exactly the same namespaces and keys', () => {
    expect(Object.keys(en)).toEqual(Object.keys(id));
    const onlyId = [...idLeaves.keys()].filter((k) => !enLeaves.has(k));
    const onlyEn = [...enLeaves.keys()].filter((k) => !idLeaves.has(k));
    expect({ onlyId, onlyEn }).toEqual({ onlyId: [], onlyEn: [] });
    expect(idLeaves.size).toBeGreaterThan(900);
  });

  it('every translation uses the same {{placeholders}} as its Indonesian text', () => {
    const differing = [...idLeaves]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(enLeaves.get(key) ?? '').join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('no text is empty', () => {
    const empty = [...idLeaves, ...enLeaves].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
