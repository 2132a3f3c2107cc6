import i18n from '../../lib/i18n';

// The strings of the 群众个人信息 page, merged into the `opinions` namespace when the page loads.
const zh = {
  person: {
    title: '群众个人信息',
    subtitle: '按群众留下的电话，查找其在本辖区反映的意见；应群众本人申请，导出或删除其个人信息',
    phone: '联系电话',
    phonePlaceholder: '如 13812345678 或 0451-12345678',
    phoneRequired: '请填写群众的联系电话',
    find: '查找',
    summary: '电话 {{phone}}：共 {{total}} 件意见，其中 {{open}} 件正在办理',
    code: '跟踪码',
    titleCol: '标题',
    state: '状态',
    station: '联络站',
    receivedAt: '收到时间',
    name: '姓名',
    address: '住址',
    exportXlsx: '导出 Excel',
    exportJson: '导出 JSON',
    exported: '已导出，请妥善交付群众本人',
    erase: '删除个人信息',
    eraseTitle: '删除该群众的个人信息',
    eraseIntro:
      '将删除以下 {{total}} 件意见中的姓名、电话和住址（含短信记录中的号码），意见内容、办理过程和统计数据保留。此操作不可撤销。',
    openWarning:
      '其中 {{open}} 件仍在办理。删除后这些意见继续办理，但无法再短信告知或电话回访，群众也不能再凭电话后四位查询进度。',
    confirmOpen: '已向群众说明，确认继续办理中的意见不再保留联系方式',
    confirmOpenRequired: '请先确认已向群众说明',
    reason: '删除依据',
    reasonPlaceholder: '如：群众本人来电申请删除（记录于办理过程和审计日志）',
    reasonRequired: '请填写删除依据',
    erased: '已删除 {{count}} 件意见中的个人信息',
    privacyNote: '查找、导出和删除均记入审计日志；导出文件含未脱敏的个人信息，只交付群众本人。',
  },
};

const en: typeof zh = {
  person: {
    title: 'Constituent data',
    subtitle:
      'Find the opinions a constituent raised in your region by the phone they left; on their request, export or erase their personal data',
    phone: 'Phone',
    phonePlaceholder: 'e.g. 13812345678 or 0451-12345678',
    phoneRequired: 'Give the constituent’s phone number',
    find: 'Find',
    summary: 'Phone {{phone}}: {{total}} opinions, {{open}} still being handled',
    code: 'Code',
    titleCol: 'Title',
    state: 'State',
    station: 'Station',
    receivedAt: 'Received',
    name: 'Name',
    address: 'Address',
    exportXlsx: 'Export Excel',
    exportJson: 'Export JSON',
    exported: 'Exported: hand it to the constituent only',
    erase: 'Erase personal data',
    eraseTitle: 'Erase this constituent’s personal data',
    eraseIntro:
      'The name, phone and address are removed from these {{total}} opinions (and the number from SMS records); the content, timeline and figures stay. This cannot be undone.',
    openWarning:
      '{{open}} of them are still being handled. They go on, but nobody can text or call the constituent back, and the portal can no longer be asked by phone digits.',
    confirmOpen: 'I told the constituent; the open opinions go on without contact details',
    confirmOpenRequired: 'Confirm that you told the constituent first',
    reason: 'Grounds',
    reasonPlaceholder: 'e.g. the constituent phoned to ask for erasure (kept in the timeline and the audit trail)',
    reasonRequired: 'Give the grounds for the erasure',
    erased: 'Personal data erased from {{count}} opinions',
    privacyNote:
      'Lookups, exports and erasures are recorded in the audit trail; an export holds the personal data in full: hand it to the constituent only.',
  },
};

i18n.addResourceBundle('zh-CN', 'opinions', zh, true, true);
i18n.addResourceBundle('en', 'opinions', en, true, true);
