import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

// The node: types come with vite's own (its typings reference @types/node), so this typechecks under the browser tsconfig.

const VIRTUAL = 'virtual:kompeten-i18n/';
const RESOLVED = '\0kompeten-i18n/';

/** `import { catalog } from './catalog';` in i18n/id/index.ts: each namespace's export and file. */
export function namespacesIn(indexSource: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of indexSource.matchAll(/import\s*\{\s*(\w+)\s*\}\s*from\s*'\.\/([\w-]+)'/g)) files.set(m[1], m[2]);
  return files;
}

/**
 * The namespaces a module translates with: those it names in `useTranslation('catalog')` or
 * `useTranslation(['catalog', 'common'])`, and those it writes as a key's prefix (`t('common:close')`,
 * `i18n.t('learning:x')`, `` `layout:${key}` ``). The web code names namespaces no other way (no variable namespaces, no
 * `ns` option, no `<Trans>`); a namespace written for another reason only adds it to the module's chunk.
 */
export function namespacesUsedBy(code: string, namespaces: Iterable<string>): string[] {
  const named = new Set<string>();
  for (const m of code.matchAll(/useTranslation\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")/g))
    for (const q of m[1].matchAll(/['"]([\w-]+)['"]/g)) named.add(q[1]);
  const used: string[] = [];
  for (const ns of namespaces) if (named.has(ns) || new RegExp(`['"\`]${ns}:`).test(code)) used.push(ns);
  return used;
}

/**
 * Decision 0027 §14: the Indonesian texts of every feature (92 KB, 26 KB brotli) were all in the entry, so every first
 * visit downloaded and evaluated the texts of pages it never opened. In the build, each source module imports the
 * Indonesian namespaces it uses (a small virtual module that adds the namespace to i18next), so a namespace travels in
 * the chunk of the modules that use it — the entry keeps those of the shell, a page's come with the page (and are
 * requested with it, route-preload.ts). The catalog index the i18n setup imports then holds only `common`, the default
 * namespace. The dev server and the tests keep the whole catalog (this plugin runs in the build only); English is one
 * chunk fetched when chosen, as before.
 */
export function i18nNamespaces(options: { sourceDir: string }): Plugin {
  const i18nDir = join(options.sourceDir, 'i18n');
  const idIndex = join(i18nDir, 'id', 'index.ts');
  let files = new Map<string, string>();
  const inSource = (id: string) =>
    id.startsWith(options.sourceDir) && /\.(ts|tsx)$/.test(id) && !id.startsWith(i18nDir) && !/\.spec\./.test(id);
  return {
    name: 'kompeten:i18n-namespaces',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      files = namespacesIn(readFileSync(idIndex, 'utf8'));
      if (!files.has('common')) this.error('i18n-namespaces: no `common` namespace in i18n/id/index.ts');
    },
    resolveId(source) {
      return source.startsWith(VIRTUAL) ? RESOLVED + source.slice(VIRTUAL.length) : null;
    },
    load(id) {
      if (id === idIndex) return `import { common } from './common';\nexport const id = { common };\n`;
      if (!id.startsWith(RESOLVED)) return null;
      const ns = id.slice(RESOLVED.length);
      const file = files.get(ns);
      if (!file) this.error(`i18n-namespaces: unknown namespace ${ns}`);
      return [
        `import { i18n } from ${JSON.stringify(join(i18nDir, 'index.ts'))};`,
        `import { ${ns} } from ${JSON.stringify(join(i18nDir, 'id', `${file}.ts`))};`,
        `i18n.addResourceBundle('id', ${JSON.stringify(ns)}, ${ns}, true, true);`,
      ].join('\n');
    },
    transform(code, id) {
      if (!inSource(id)) return null;
      const used = namespacesUsedBy(code, files.keys()).filter((ns) => ns !== 'common');
      if (!used.length) return null;
      // Appended: an import runs before the module's body wherever it is written, and no line of the source moves, so
      // its source map stays true.
      return { code: `${code}\n${used.map((ns) => `import '${VIRTUAL}${ns}';`).join('\n')}\n`, map: null };
    },
  };
}
