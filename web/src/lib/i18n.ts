import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from '../app/i18n';
import audit from '../features/audit/i18n';
import auth from '../features/auth/i18n';
import deputies from '../features/deputies/i18n';
import opinions from '../features/opinions/i18n';
import organizations from '../features/organizations/i18n';
import regions from '../features/regions/i18n';
import stations from '../features/stations/i18n';
import statistics from '../features/statistics/i18n';
import suggestionPublication from '../features/suggestionPublication/i18n';
import suggestionStatistics from '../features/suggestionStatistics/i18n';
import suggestionSupervision from '../features/suggestionSupervision/i18n';
import suggestions from '../features/suggestions/i18n';
import users from '../features/users/i18n';

export type Language = 'zh-CN' | 'en';
export type Messages = { [key: string]: string | Messages };
export type FeatureMessages = { zh: Messages; en: Messages };

/**
 * One namespace per feature; each feature owns its strings in features/<name>/i18n.ts.
 * Add a feature by importing its file above and listing it here.
 */
const NAMESPACES: Record<string, FeatureMessages> = {
  common,
  auth,
  regions,
  organizations,
  users,
  audit,
  deputies,
  stations,
  opinions,
  suggestions,
  statistics,
  suggestionStatistics,
  suggestionSupervision,
  suggestionPublication,
};

const STORAGE_KEY = 'lianluo.language';

function savedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const resources = {
  'zh-CN': Object.fromEntries(Object.entries(NAMESPACES).map(([ns, m]) => [ns, m.zh])),
  en: Object.fromEntries(Object.entries(NAMESPACES).map(([ns, m]) => [ns, m.en])),
};

const initial = savedLanguage();
dayjs.locale(initial === 'en' ? 'en' : 'zh-cn');

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'zh-CN',
  ns: Object.keys(NAMESPACES),
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  showSupportNotice: false, // no advertisement in the console of a government system
});

i18n.on('languageChanged', (lng) => {
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
});
document.documentElement.lang = initial;

export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18n.changeLanguage(lng);
}

export default i18n;
