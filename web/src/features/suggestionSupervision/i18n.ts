// Only the menu labels load with the console shell; the pages' strings (i18n.zh.ts, i18n.en.ts) come
// with the pages themselves through ./strings.ts, which keeps them out of the first load.
export default {
  zh: { menu: '重点督办', meetingsMenu: '办实事协调会' },
  en: { menu: 'Key items', meetingsMenu: 'Coordination meetings' },
};
