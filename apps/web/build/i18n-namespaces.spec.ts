import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { namespacesIn, namespacesUsedBy } from './i18n-namespaces';

const NAMESPACES = ['common', 'layout', 'catalog', 'courses', 'jp', 'jpReports', 'questionImport'];

describe('Indonesian namespaces in the chunks that use them', () => {
  it('reads each namespace and its file from the catalog index', () => {
    const files = namespacesIn(`import { accountSetup } from './account-setup';\nimport { jp } from './jp';\n`);
    expect([...files]).toEqual([
      ['accountSetup', 'account-setup'],
      ['jp', 'jp'],
    ]);
  });

  it('finds every namespace of the real catalog index, common among them', () => {
    const index = readFileSync(join(__dirname, '../src/i18n/id/index.ts'), 'utf8');
    const files = namespacesIn(index);
    expect(files.get('common')).toBe('common');
    expect(files.get('jpReports')).toBe('jp-reports');
    // Every namespace the index assembles into `id` is imported from a file of its own.
    const assembled = index.slice(index.indexOf('export const id = {')).match(/^\s+(\w+),$/gm) ?? [];
    expect(assembled.length).toBeGreaterThan(20);
    for (const line of assembled) expect(files.has(line.trim().slice(0, -1))).toBe(true);
  });

  it('takes the namespaces a module names in useTranslation, alone or in a list', () => {
    expect(namespacesUsedBy(`const { t } = useTranslation('catalog');`, NAMESPACES)).toEqual(['catalog']);
    expect(namespacesUsedBy(`useTranslation(["courses", 'jp'])`, NAMESPACES)).toEqual(['courses', 'jp']);
    expect(namespacesUsedBy(`useTranslation( 'jpReports' )`, NAMESPACES)).toEqual(['jpReports']);
  });

  it('takes the namespaces written as a key prefix, in any quotes', () => {
    const code = 't(\'layout:nav.catalog\'); i18n.t("courses:status"); t(`questionImport:${row}`);';
    expect(namespacesUsedBy(code, NAMESPACES)).toEqual(['layout', 'courses', 'questionImport']);
  });

  it('does not take a namespace for the same word used otherwise (a query key, a path, a longer name)', () => {
    const code = "queryKey: ['catalog', id]; path: 'jp'; const jp = 1; useTranslation('jpReports');";
    expect(namespacesUsedBy(code, NAMESPACES)).toEqual(['jpReports']);
    expect(namespacesUsedBy('useTranslation()', NAMESPACES)).toEqual([]);
  });
});
