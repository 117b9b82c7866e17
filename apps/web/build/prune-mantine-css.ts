import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import postcss from 'postcss';
import type { Plugin } from 'vite';

// The node: types come with vite's own (its typings reference @types/node), so this typechecks under the browser tsconfig.

/** A Mantine class name as its styles and its components write it (`m_77c9d27d`, also 7 hex digits: `m_a74036a`). */
const MANTINE_CLASS = /\bm_[0-9a-f]{6,8}\b/g;
/** `import { A, B as C } from '@mantine/core'` (also `export … from`), in our sources or another Mantine package's. */
const CORE_IMPORT = /(?:import|export)\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@mantine\/core['"]/g;
/** A relative import or re-export inside Mantine's ESM files. */
const RELATIVE_IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g;
/** The Mantine packages with a stylesheet the app imports (core's is imported by main.tsx, the others by their users). */
const STYLESHEET = /[\\/]node_modules[\\/]@mantine[\\/][a-z-]+[\\/]styles\.css(\?.*)?$/;

/**
 * Removes from a Mantine stylesheet every selector that names a Mantine class outside `used`: no element can ever carry
 * it, because no component the app can render sets it. A rule left without selectors goes, and so does an at-rule
 * (`@media`, `@supports`) left empty. Rules without Mantine classes (the baseline, variables, keyframes) stay.
 */
export function pruneMantineCss(css: string, used: ReadonlySet<string>): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    const kept = rule.selectors.filter((selector) => (selector.match(MANTINE_CLASS) ?? []).every((c) => used.has(c)));
    if (!kept.length) rule.remove();
    else if (kept.length !== rule.selectors.length) rule.selectors = kept;
  });
  for (let emptied = true; emptied;) {
    emptied = false;
    root.walkAtRules((atRule) => {
      if (atRule.nodes && !atRule.nodes.length) {
        atRule.remove();
        emptied = true;
      }
    });
  }
  return root.toString();
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(name)) out.push(path);
  }
  return out;
}

/**
 * Every Mantine class a component the app can render may set: a superset, read from the files themselves. Start from
 * what our sources import from `@mantine/core` and from every file of the other Mantine packages they import (their
 * own components, and what those import from core), then follow core's relative imports from those exports to every
 * file they reach, and collect the class names written in them (each component's `*.module.mjs` lists its classes).
 */
export function mantineClassesUsed(sourceDir: string, nodeModules: string): Set<string> {
  const coreEsm = join(nodeModules, '@mantine/core/esm');
  const coreIndex = readFileSync(join(coreEsm, 'index.mjs'), 'utf8');
  // `import { Button } from "./components/Button/Button.mjs"` in core's index: where each export lives.
  const exportedFrom = new Map<string, string>();
  for (const m of coreIndex.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.\/[^"]+)"/g))
    for (const name of m[1].split(',')) {
      const local = name
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (local) exportedFrom.set(local, resolve(coreEsm, m[2]));
    }

  const files = new Set<string>();
  const coreNames = new Set<string>();
  const addCoreImports = (text: string) => {
    for (const m of text.matchAll(CORE_IMPORT))
      for (const name of m[1].split(',')) {
        const imported = name
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (imported) coreNames.add(imported);
      }
  };
  const otherPackages = new Set<string>();
  for (const file of sourceFiles(sourceDir)) {
    const text = readFileSync(file, 'utf8');
    addCoreImports(text);
    for (const m of text.matchAll(/from\s*['"]@mantine\/([a-z-]+)['"]/g)) if (m[1] !== 'core') otherPackages.add(m[1]);
  }
  for (const pkg of otherPackages) {
    const esm = join(nodeModules, '@mantine', pkg, 'esm');
    if (!existsSync(esm)) continue;
    for (const file of sourceFiles(esm)) {
      files.add(file);
      addCoreImports(readFileSync(file, 'utf8'));
    }
  }
  const pending: string[] = [];
  // Core's index imports every value it exports from the file that defines it; a name not there is a type.
  for (const name of coreNames) {
    const file = exportedFrom.get(name);
    if (file) pending.push(file);
  }
  while (pending.length) {
    const file = pending.pop() as string;
    if (files.has(file) || !existsSync(file)) continue;
    files.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) pending.push(resolve(dirname(file), m[1]));
  }
  const used = new Set<string>();
  for (const file of files) for (const c of readFileSync(file, 'utf8').match(MANTINE_CLASS) ?? []) used.add(c);
  return used;
}

/**
 * Decision 0027 §13: Mantine's stylesheet holds the styles of all its ~100 components (245 KB), and a phone parses all of
 * it and builds its style rules before the first paint. This plugin drops, while Vite reads the stylesheet (so the file's
 * content hash is that of what is sent), the rules of components the app never renders.
 */
export function pruneUnusedMantineCss(options: { sourceDir: string; nodeModules: string }): Plugin {
  let used: Set<string> | null = null;
  return {
    name: 'kompeten:prune-mantine-css',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      used = mantineClassesUsed(options.sourceDir, options.nodeModules);
    },
    transform(code, id) {
      if (!STYLESHEET.test(id) || !used) return null;
      return { code: pruneMantineCss(code, used), map: null };
    },
  };
}
