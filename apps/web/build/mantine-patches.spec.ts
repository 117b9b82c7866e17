import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { MANTINE_PATCHES, patchedSource } from './mantine-patches';

const NODE_MODULES = join(__dirname, '../../../node_modules');
const USE_ID = join(NODE_MODULES, '@mantine/hooks/esm/use-id/use-id.mjs');
const INLINE_STYLES = join(NODE_MODULES, '@mantine/core/esm/core/InlineStyles/InlineStyles.mjs');

describe("mantine-patches: two of Mantine's modules replaced in the browser bundle", () => {
  it('applies to the installed modules, which are still the code each patch was written for', () => {
    for (const file of [USE_ID, INLINE_STYLES]) {
      const replaced = patchedSource(file, readFileSync(file, 'utf8'));
      expect(replaced).not.toBeNull();
      expect(replaced).not.toBe(readFileSync(file, 'utf8'));
    }
    expect(patchedSource(USE_ID, readFileSync(USE_ID, 'utf8'))).toBe(MANTINE_PATCHES[0].source);
    expect(patchedSource(`${INLINE_STYLES}?v=1`, readFileSync(INLINE_STYLES, 'utf8'))).toBe(MANTINE_PATCHES[1].source);
  });

  it('leaves every other module alone', () => {
    expect(patchedSource(join(NODE_MODULES, '@mantine/core/esm/core/Box/Box.mjs'), 'export {}')).toBeNull();
    expect(patchedSource('/work/apps/web/src/shared/use-id/use-id.mjs', 'setUuid(randomId())')).toBeNull();
  });

  it('stops the build when an upgrade changed a patched module', () => {
    expect(() => patchedSource(USE_ID, 'export function useId() { return "x"; }')).toThrow(
      /use-id\.mjs no longer contains "setUuid\(randomId\(\)\)".*Review the patch/,
    );
  });
});
