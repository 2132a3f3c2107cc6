// Only the menu label loads with the console shell; the pages' strings (i18n.zh.ts, i18n.en.ts) come
// with the pages themselves through ./strings.ts, which keeps them out of the first load.
export default {
  zh: { menu: '代表建议' },
  en: { menu: "Deputies' suggestions" },
};
