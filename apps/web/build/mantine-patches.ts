import type { Plugin } from 'vite';

/**
 * Two of Mantine's modules, replaced in the browser bundle (decision 0042). Each makes React redo work after every page
 * the server rendered is taken over (hydrated), on a phone in long tasks; the replacements behave the same otherwise.
 * A patch applies only to the module as published: if an upgrade of Mantine changes it, the build stops and says so,
 * so that the patch is reviewed (or dropped, when Mantine has fixed it).
 */
export interface MantinePatch {
  /** Matches the module's file. */
  file: RegExp;
  /** Text the published module contains, proof that it is the code the replacement was written for. */
  marker: string;
  /** The module's new source; relative imports resolve from the original file, as the module keeps its id. */
  source: string;
}

export const MANTINE_PATCHES: MantinePatch[] = [
  {
    // `useId` starts from React's id, then, in a layout effect, switches to a random one: a state update in the commit,
    // which React renders synchronously — after hydration, every input, label and the app shell again, with all of the
    // page's effects in the same task. React's own id is unique in a root and the same on the server and in the
    // browser, which is all the random one was for (React 17 had no useId). Kept: React's id, `mantine-` first.
    file: /[\\/]@mantine[\\/]hooks[\\/]esm[\\/]use-id[\\/]use-id\.mjs$/,
    marker: 'setUuid(randomId())',
    source: `import { useId as useReactId } from 'react';
function useId(staticId) {
  const reactId = useReactId();
  return typeof staticId === 'string' ? staticId : 'mantine-' + reactId.replace(/:/g, '');
}
export { useId };
`,
  },
  {
    // The <style> of responsive props (Grid, SimpleGrid, hiddenFrom…) is set through dangerouslySetInnerHTML with a new
    // object on each render. React 19 compares that prop by identity, so every re-render of such a component sets the
    // style's text again, and the browser re-parses it and recalculates the page's styles. Kept: the same object for
    // the same CSS.
    file: /[\\/]@mantine[\\/]core[\\/]esm[\\/]core[\\/]InlineStyles[\\/]InlineStyles\.mjs$/,
    marker: 'dangerouslySetInnerHTML: { __html: css }',
    source: `"use client";
import { useMemo } from "react";
import { useMantineStyleNonce } from "../MantineProvider/Mantine.context.mjs";
import { stylesToString } from "./styles-to-string/styles-to-string.mjs";
import { jsx } from "react/jsx-runtime";
function simpleHash(str) {
  let hash = 5381;
  for (let i = 0; i < str.length; i++) hash = (hash << 5) + hash + str.charCodeAt(i) & 4294967295;
  return (hash >>> 0).toString(36);
}
function InlineStyles({ deduplicate, ...props }) {
  const nonce = useMantineStyleNonce();
  const css = stylesToString(props);
  const inner = useMemo(() => ({ __html: css }), [css]);
  if (deduplicate) return jsx("style", { href: \`mantine-\${simpleHash(css)}\`, precedence: "mantine", nonce: nonce?.(), children: css });
  return jsx("style", { "data-mantine-styles": "inline", nonce: nonce?.(), dangerouslySetInnerHTML: inner });
}
export { InlineStyles };
`,
  },
];

/** The replacement for a module, null when no patch applies to it; throws when the module is not the one expected. */
export function patchedSource(id: string, code: string, patches: MantinePatch[] = MANTINE_PATCHES): string | null {
  const file = id.split('?')[0];
  const patch = patches.find((p) => p.file.test(file));
  if (!patch) return null;
  if (!code.includes(patch.marker))
    throw new Error(
      `mantine-patches: ${file} no longer contains "${patch.marker}" (Mantine was upgraded?). Review the patch in apps/web/build/mantine-patches.ts (decision 0042).`,
    );
  return patch.source;
}

export function mantinePatches(): Plugin {
  return {
    name: 'kompeten:mantine-patches',
    enforce: 'pre',
    transform(code, id) {
      const source = patchedSource(id, code);
      return source === null ? null : { code: source, map: null };
    },
  };
}
