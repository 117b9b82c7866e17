import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mantineClassesUsed, pruneMantineCss } from './prune-mantine-css';

describe('Mantine stylesheet: rules of components the app never renders', () => {
  const css = `
:root { --mantine-color-white: #fff; }
body { margin: 0; }
.m_77c9d27d { padding: 4px; }
.m_11111111 { color: red; }
.m_77c9d27d:where([data-disabled]), .m_11111111:hover { opacity: .5; }
.m_77c9d27d .m_a74036a { gap: 2px; }
.m_77c9d27d .m_22222222 { gap: 3px; }
@media (max-width: 40em) { .m_11111111 { display: none; } }
@media (min-width: 40em) { .m_77c9d27d { display: block; } .m_11111111 { display: flex; } }
@keyframes m_33333333 { from { opacity: 0; } to { opacity: 1; } }
:where([data-mantine-color-scheme='dark']) .m_11111111 { color: blue; }
`;

  it('keeps every selector whose Mantine classes are all used, and drops the others', () => {
    const out = pruneMantineCss(css, new Set(['m_77c9d27d', 'm_a74036a']));
    expect(out).toContain(':root { --mantine-color-white: #fff; }');
    expect(out).toContain('body { margin: 0; }');
    expect(out).toContain('.m_77c9d27d { padding: 4px; }');
    expect(out).toContain('.m_77c9d27d .m_a74036a { gap: 2px; }');
    // A selector list loses only its unused half.
    expect(out).toMatch(/\.m_77c9d27d:where\(\[data-disabled\]\)\s*\{ opacity: \.5; \}/);
    expect(out).not.toMatch(/m_11111111|m_22222222/);
    // An at-rule emptied by the pruning goes; one with a used rule left stays; keyframes are not selectors.
    expect(out).not.toContain('max-width: 40em');
    expect(out).toMatch(/@media \(min-width: 40em\) \{ \.m_77c9d27d \{ display: block; \}\s*\}/);
    expect(out).toContain('@keyframes m_33333333 { from { opacity: 0; } to { opacity: 1; } }');
  });

  it('changes nothing when every class is used', () => {
    const all = new Set(['m_77c9d27d', 'm_11111111', 'm_a74036a', 'm_22222222']);
    expect(pruneMantineCss(css, all)).toBe(css);
  });

  describe('which classes the app can render', () => {
    let root: string;
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'prune-mantine-'));
      const core = 'node_modules/@mantine/core/esm';
      write(
        `${core}/index.mjs`,
        [
          'import { Button } from "./components/Button/Button.mjs";',
          'import { Select } from "./components/Select/Select.mjs";',
          'import { Slider } from "./components/Slider/Slider.mjs";',
          'import { Popover } from "./components/Popover/Popover.mjs";',
          'import { Box } from "./core/Box/Box.mjs";',
          'export { Button, Select, Slider, Popover, Box };',
        ].join('\n'),
      );
      write(`${core}/components/Button/Button.mjs`, 'import c from "./Button.module.mjs";');
      write(`${core}/components/Button/Button.module.mjs`, 'var d = { "root": "m_77c9d27d" };');
      write(
        `${core}/components/Select/Select.mjs`,
        'import { Popover } from "../Popover/Popover.mjs";\nimport "./Select.module.mjs";',
      );
      write(`${core}/components/Select/Select.module.mjs`, 'var d = { "root": "m_a74036a" };');
      write(`${core}/components/Popover/Popover.mjs`, 'var d = { "dropdown": "m_38a85659" };');
      write(`${core}/components/Slider/Slider.mjs`, 'var d = { "root": "m_dd36362e" };');
      write(`${core}/core/Box/Box.mjs`, '');
      write(
        'node_modules/@mantine/dates/esm/DatePicker.mjs',
        'import { Slider } from "@mantine/core";\nvar d = { "day": "m_396ce5cb" };',
      );
      write('src/Page.tsx', "import { Button, type MantineTheme } from '@mantine/core';");
      write('src/Form.tsx', "import {\n  Select,\n  Box as B,\n} from '@mantine/core';");
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it("follows our imports and core's own imports, and ignores components nothing imports", () => {
      const used = mantineClassesUsed(join(root, 'src'), join(root, 'node_modules'));
      expect([...used].sort()).toEqual(['m_38a85659', 'm_77c9d27d', 'm_a74036a']);
    });

    it('counts a whole other Mantine package we import, and what it imports from core', () => {
      write('src/Calendar.tsx', "import { DatePicker } from '@mantine/dates';");
      const used = mantineClassesUsed(join(root, 'src'), join(root, 'node_modules'));
      expect(used).toContain('m_396ce5cb');
      expect(used).toContain('m_dd36362e');
    });
  });
});
