import i18n from '../../lib/i18n';

// The strings of the publication card (公开) on a case page, merged into the `opinions` namespace.
const zh = {
  publication: {
    title: '公开',
    published: '已公开',
    unpublished: '未公开',
    publishedAt: '公开于 {{at}}',
    found: '已自动隐去：{{list}}。请通读后再公开，可继续修改。',
    kinds: {
      id_number: '身份证号',
      phone: '电话',
      bank_card: '银行卡号',
      email: '邮箱',
      name: '姓名',
      address: '住址',
      door_number: '门牌号',
    },
    count: '{{kind}} {{n}} 处',
    pubTitle: '公开标题',
    pubText: '公开内容',
    pubReply: '公开的答复',
    required: '不能为空',
    publish: '公开',
    save: '保存修改',
    withdraw: '撤回公开',
    withdrawReason: '撤回原因',
    withdrawRequired: '请填写撤回原因',
    done: '已公开，群众可在联络站页面看到',
    withdrawn: '已撤回公开',
    hint: '公开时只显示以下经脱敏的文字，不显示群众姓名、电话、住址和原文。',
  },
};

const en: typeof zh = {
  publication: {
    title: 'Publication',
    published: 'Published',
    unpublished: 'Not published',
    publishedAt: 'Published {{at}}',
    found: 'Masked automatically: {{list}}. Read it through before publishing; you may edit it.',
    kinds: {
      id_number: 'ID number',
      phone: 'phone',
      bank_card: 'bank card',
      email: 'e-mail',
      name: 'name',
      address: 'address',
      door_number: 'door number',
    },
    count: '{{kind}} ×{{n}}',
    pubTitle: 'Published title',
    pubText: 'Published text',
    pubReply: 'Published answer',
    required: 'Required',
    publish: 'Publish',
    save: 'Save changes',
    withdraw: 'Withdraw',
    withdrawReason: 'Reason for withdrawing',
    withdrawRequired: 'Give the reason',
    done: 'Published: the public sees it on the station’s page',
    withdrawn: 'Publication withdrawn',
    hint: 'Only this redacted wording is shown: never the constituent’s name, phone, address or original text.',
  },
};

i18n.addResourceBundle('zh-CN', 'opinions', zh, true, true);
i18n.addResourceBundle('en', 'opinions', en, true, true);
