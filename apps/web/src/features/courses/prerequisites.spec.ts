import { describe, expect, it } from '@jest/globals';
import { prerequisiteOptions, selectionChanged } from './prerequisites';

describe('course prerequisites', () => {
  const candidates = [
    { id: 'c-self', title: 'Kursus ini', status: 'published' },
    { id: 'c-siasn', title: 'Pemutakhiran Data SIASN', status: 'published' },
    { id: 'c-draft', title: 'Draf', status: 'draft' },
    { id: 'c-elearning', title: 'Pengenalan E-Learning', status: 'published' },
    { id: 'c-siasn', title: 'Pemutakhiran data kompetensi di SIASN', status: 'published' },
  ];

  it('offers the other published courses once each, by title, then saved ones the author cannot see', () => {
    expect(prerequisiteOptions(candidates, 'c-self', ['c-gone', 'c-elearning'], '(tidak tersedia)')).toEqual([
      { value: 'c-siasn', label: 'Pemutakhiran data kompetensi di SIASN' },
      { value: 'c-elearning', label: 'Pengenalan E-Learning' },
      { value: 'c-gone', label: '(tidak tersedia)' },
    ]);
  });

  it('counts a selection as changed when its set differs, not its order', () => {
    expect(selectionChanged(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(selectionChanged(['a'], ['a', 'b'])).toBe(true);
    expect(selectionChanged(['a', 'c'], ['a', 'b'])).toBe(true);
    expect(selectionChanged([], [])).toBe(false);
  });
});
