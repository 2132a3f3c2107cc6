import i18n from '../../lib/i18n';

// Strings of the public pages of published replies (建议答复公开), in the portal's namespace: plain
// words for constituents. Imported for its effect by those pages, so they load with them only.
const zh = {
  title: '代表建议答复公开',
  intro: '人大代表提出建议后，承办单位作出的正式答复在这里向社会公开。',
  search: '搜索标题或答复内容',
  searchButton: '搜索',
  allYears: '全部年度',
  yearLabel: '年度',
  yearOption: '{{year}} 年',
  total: '共 {{count}} 份答复',
  empty: '没有找到公开的答复',
  emptyHint: '换个词语试试，或者选择“全部年度”。',
  showAll: '查看全部答复',
  unit: '承办单位',
  class: '答复类别',
  congress: '人大',
  repliedOn: '答复日期',
  publishedOn: '公开日期',
  classShort: { A: 'A 类', B: 'B 类', C: 'C 类', D: 'D 类' },
  classLong: {
    A: '所提问题已经解决或者基本解决',
    B: '正在解决或者列入规划逐步解决',
    C: '因目前条件限制或者其他原因需待以后解决',
    D: '留作参考',
  },
  text: '答复内容',
  back: '返回答复列表',
  notFoundTitle: '没有找到这份答复',
  notFoundHint: '这份答复可能已经撤回公开，或者链接不完整。',
  privacy: '为保护个人信息，答复中的姓名、电话、证件号码等已经隐去。',
  loadFailed: '暂时无法读取，请稍后重试',
  tooMany: '访问太频繁，请稍后再试',
};

const en: typeof zh & { total_one: string } = {
  title: "Replies to deputies' suggestions",
  intro: "The formal replies of the handling units to the suggestions of people's congress deputies, published for everyone.",
  search: 'Search titles and replies',
  searchButton: 'Search',
  allYears: 'All years',
  yearLabel: 'Year',
  yearOption: '{{year}}',
  total: '{{count}} replies',
  total_one: '{{count}} reply',
  empty: 'No published reply found',
  emptyHint: 'Try other words, or choose "All years".',
  showAll: 'Show all replies',
  unit: 'Handling unit',
  class: 'Reply class',
  congress: 'Congress',
  repliedOn: 'Replied on',
  publishedOn: 'Published on',
  classShort: { A: 'Class A', B: 'Class B', C: 'Class C', D: 'Class D' },
  classLong: {
    A: 'The problem is solved or basically solved',
    B: 'Being solved, or planned to be solved step by step',
    C: 'To be solved later, when conditions allow',
    D: 'Kept for reference',
  },
  text: 'The reply',
  back: 'Back to the replies',
  notFoundTitle: 'This reply was not found',
  notFoundHint: 'It may have been withdrawn, or the link is incomplete.',
  privacy: 'To protect personal data, names, phone numbers and ID numbers in the reply have been removed.',
  loadFailed: 'Cannot load now; please try again later',
  tooMany: 'Too many requests; please try again in a minute',
};

i18n.addResourceBundle('zh-CN', 'portal', { replies: zh }, true, true);
i18n.addResourceBundle('en', 'portal', { replies: en }, true, true);
