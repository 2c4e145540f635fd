import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/ru';
import { initialLanguage, type Language, LANGUAGES, rememberLanguage } from './languages';

/**
 * The catalogues: locales/<language>/<namespace>.json, one namespace per workspace (common, errors, editions,
 * programme, registrations, messages…), so each workspace edits its own files. A new file is picked up by the glob.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const [, language, namespace] = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path)!;
  (resources[language] ??= {})[namespace] = module.default;
}
export const NAMESPACES = Object.keys(resources.en ?? {});

/** Keys asked for and not found in the reader's language; the browser tests read this list and fail on any. */
declare global {
  interface Window {
    __missingTranslations?: string[];
  }
}
window.__missingTranslations = [];

const DAYJS_LOCALE: Record<Language, string> = { zh: 'zh-cn', en: 'en', ru: 'ru' };

export async function setupI18n(): Promise<typeof i18next> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    supportedLngs: [...LANGUAGES],
    // No fallback: a key missing in Russian must show as missing, not as English.
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => {
      const entry = `${languages.join(',')}:${namespace}:${key}`;
      if (!window.__missingTranslations!.includes(entry)) window.__missingTranslations!.push(entry);
      console.warn(`missing translation ${entry}`);
    },
  });
  applyLanguage(language);
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18next.changeLanguage(language);
  applyLanguage(language);
}

function applyLanguage(language: Language): void {
  dayjs.locale(DAYJS_LOCALE[language]);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
}
