// Only the menu labels load with the console shell; the pages' strings (i18n.zh.ts, i18n.en.ts) come
// with the pages themselves through ./strings.ts, which keeps them out of the first load.
export default {
  zh: { menu: '群众意见', receptionsMenu: '接待记录', personMenu: '群众个人信息' },
  en: { menu: 'Constituent opinions', receptionsMenu: 'Receptions', personMenu: 'Constituent data' },
};
