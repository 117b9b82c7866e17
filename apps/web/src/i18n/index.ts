import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { id } from './id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kompeten.lang';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

function applyDocumentLanguage(lng: string): void {
  // No document when the build renders a page on the server (decision 0041).
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng === 'en' ? 'en' : 'id';
}

i18n.on('languageChanged', applyDocumentLanguage);

// Indonesian is the default and the fallback. In the build, `id` holds only the `common` namespace: every other
// Indonesian namespace is added by the modules that use it, in their own chunks (build/i18n-namespaces.ts, decision 0027
// §14); the dev server and the tests load them all here. English is a separate chunk fetched when a person chooses it or
// has chosen it before (decision 0027): most people never download it.
void i18n.use(initReactI18next).init({
  resources: { id },
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: [...LANGUAGES],
  ns: Object.keys(id),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

applyDocumentLanguage(i18n.language);

/** Adds a language's catalog to i18next unless it is there already (Indonesian always is). */
async function loadCatalog(lng: Language): Promise<void> {
  if (lng === 'id' || i18n.hasResourceBundle(lng, 'common')) return;
  const { en } = await import('./en');
  for (const [ns, resources] of Object.entries(en)) i18n.addResourceBundle(lng, ns, resources, true, true);
}

/** Resolves once the stored language's catalog is loaded; render after it, so English readers never see a flash of Indonesian. */
export const i18nReady: Promise<void> = loadCatalog(currentLanguage()).catch(() => {
  // The English chunk failed to load (offline, a deploy in between): Indonesian, the fallback, is shown.
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id';
}

/** Switches the UI language, remembers it in localStorage and updates <html lang>. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode or storage disabled: the choice just is not remembered.
  }
  await loadCatalog(lng);
  await i18n.changeLanguage(lng);
}

/** BCP 47 locale for Intl formatting. */
export function intlLocale(lng: string = i18n.language): string {
  return lng === 'en' ? 'en-GB' : 'id-ID';
}

export { i18n };
