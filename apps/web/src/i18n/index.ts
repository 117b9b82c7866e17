import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
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
  document.documentElement.lang = lng === 'en' ? 'en' : 'id';
}

i18n.on('languageChanged', applyDocumentLanguage);

void i18n.use(initReactI18next).init({
  resources: { id, en },
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
  await i18n.changeLanguage(lng);
}

/** BCP 47 locale for Intl formatting. */
export function intlLocale(lng: string = i18n.language): string {
  return lng === 'en' ? 'en-GB' : 'id-ID';
}

export { i18n };
