// Only the menu label loads with the console shell; the page's strings (i18n.zh.ts, i18n.en.ts) come
// with the page itself through ./strings.ts, which keeps them out of the first load.
export default {
  zh: { menu: '答复公开' },
  en: { menu: 'Published replies' },
};
