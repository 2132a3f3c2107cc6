/**
 * What the demo's constituents write, per opinion category (the codes of migration 0004), and what
 * the people handling it answer. `{place}` is a community or road of the case's township, `{n}` a
 * small number; `fix` is what the handling unit did, for the reply. `units` are words of the names
 * of the units a case of the category goes to, in order of preference (seed/organizations.ts).
 */
export interface CategoryTexts {
  weight: number;
  /** Extra weight in the heating season (Harbin: 20 October to 20 April). */
  winterWeight?: number;
  /** Mostly raised in villages and towns rather than city districts. */
  rural?: boolean;
  units: readonly string[];
  items: readonly { text: string; fix: string }[];
}

export const CATEGORY_TEXTS: Record<string, CategoryTexts> = {
  'urban.roads': {
    weight: 10,
    units: ['城市管理', '住房和城乡建设', '交通运输', '办事处', '人民政府'],
    items: [
      { text: '{place}一带的路灯已经连续{n}天不亮，晚上出行很不安全，希望尽快维修。', fix: '更换了损坏的路灯灯具和线路' },
      { text: '{place}人行道地砖松动破损，雨后积水，老人孩子经常绊倒，请有关部门修缮。', fix: '对破损地砖进行了重新铺设' },
      { text: '{place}路面坑洼不平，有{n}处较大的坑，车辆经过很颠簸，请尽快修补。', fix: '完成了路面坑槽修补' },
      { text: '{place}附近井盖缺失，已经用树枝临时围挡，存在很大安全隐患。', fix: '补装了井盖并加设警示标志' },
      { text: '冬季{place}路段积雪清理不及时，路面结冰，行人多次摔倒。', fix: '增派了清雪车辆和人员，及时清除积雪' },
    ],
  },
  'urban.sanitation': {
    weight: 7,
    units: ['城市管理', '生态环境', '办事处', '人民政府'],
    items: [
      { text: '{place}垃圾桶满了没人清运，夏天气味很大，苍蝇多，希望增加清运次数。', fix: '将垃圾清运调整为每日两次' },
      { text: '{place}有人长期在路边倾倒建筑垃圾，影响环境，请予以清理和制止。', fix: '清运了建筑垃圾并加强巡查' },
      { text: '{place}公共厕所年久失修，经常停水，群众如厕很不方便。', fix: '对公厕进行了维修改造' },
    ],
  },
  'urban.greening': {
    weight: 3,
    units: ['城市管理', '住房和城乡建设', '办事处'],
    items: [
      { text: '{place}的行道树枝叶遮挡路灯和窗户，树枝有折断危险，请安排修剪。', fix: '对行道树进行了修剪' },
      { text: '{place}街心绿地杂草丛生，无人管护，希望安排养护。', fix: '安排了绿地日常养护' },
    ],
  },
  'traffic.bus': {
    weight: 5,
    units: ['公共交通', '交通运输'],
    items: [
      { text: '{place}附近没有公交站点，居民出行要步行{n}公里，希望增设站点或调整线路。', fix: '调整了线路走向并增设站点' },
      { text: '早晚高峰{place}的公交车间隔太长，经常要等二十多分钟，希望加密班次。', fix: '高峰时段加密了发车班次' },
    ],
  },
  'traffic.parking': {
    weight: 5,
    units: ['城市管理', '交通运输', '住房和城乡建设'],
    items: [
      { text: '{place}停车位严重不足，车辆乱停乱放，消防通道经常被堵。', fix: '施划了停车位并加强了消防通道管理' },
      { text: '{place}学校门口接送孩子时段车辆拥堵，希望设置临时停车区。', fix: '在学校周边设置了临时停车区' },
    ],
  },
  environment: {
    weight: 5,
    units: ['生态环境', '城市管理', '人民政府'],
    items: [
      { text: '{place}附近的烧烤店油烟直排，楼上住户无法开窗，请依法处理。', fix: '督促商户安装油烟净化设备' },
      { text: '{place}施工工地夜间施工噪音扰民，晚上十一点以后还在作业。', fix: '责令工地停止夜间施工' },
      { text: '{place}旁边的河沟有异味，怀疑有污水排入，希望检测治理。', fix: '封堵了违规排污口并开展清淤' },
    ],
  },
  'utilities.heating': {
    weight: 3,
    winterWeight: 18,
    units: ['热力', '供热', '住房和城乡建设'],
    items: [
      {
        text: '{place}家里暖气温度只有{n}度，达不到供热标准，老人孩子受冻，请尽快解决。',
        fix: '排查了管网并调整了供热参数，室温已达标',
      },
      { text: '{place}整栋楼的暖气上热下不热，多次找供热公司没有结果。', fix: '对楼内管线进行了冲洗和平衡调节' },
      { text: '{place}供热管道漏水，楼道里全是水，请尽快抢修。', fix: '完成了漏点抢修' },
    ],
  },
  'utilities.water': {
    weight: 4,
    units: ['供水', '自来水', '水务'],
    items: [
      { text: '{place}自来水经常停水且不提前通知，高层住户水压不足。', fix: '更换了加压设备并建立停水预告制度' },
      { text: '{place}雨天路面积水严重，雨水井堵塞，请疏通排水管网。', fix: '疏通了排水管网' },
      { text: '{place}自来水发黄有异味，居民不敢饮用。', fix: '冲洗了供水管道并检测水质合格' },
    ],
  },
  'housing.property': {
    weight: 7,
    units: ['住房和城乡建设', '办事处', '人民政府'],
    items: [
      { text: '{place}小区物业服务差，电梯经常故障，物业费却年年涨。', fix: '约谈了物业企业并督促维修电梯' },
      { text: '{place}小区物业擅自占用公共绿地建停车场，业主意见很大。', fix: '责令物业恢复绿地' },
      { text: '{place}小区楼顶漏雨，找物业{n}次都没有维修。', fix: '协调使用维修资金完成了楼顶防水' },
    ],
  },
  'housing.old_estates': {
    weight: 5,
    units: ['住房和城乡建设', '办事处'],
    items: [
      {
        text: '{place}是上世纪八十年代的老楼，外墙脱落、管线老化，希望纳入老旧小区改造。',
        fix: '已将该小区纳入年度老旧小区改造计划',
      },
      { text: '{place}老旧小区没有电梯，老年人上下楼困难，希望加装电梯。', fix: '指导居民完成加装电梯申报' },
    ],
  },
  education: {
    weight: 5,
    units: ['教育'],
    items: [
      { text: '{place}附近的小学学位紧张，适龄儿童上学要跨区，希望增加学位。', fix: '通过扩班增加了学位' },
      { text: '{place}学校周边有无证小摊贩卖三无食品，影响学生健康。', fix: '会同市场监管部门清理了无证摊点' },
      { text: '希望{place}幼儿园延长托管时间，方便双职工家庭接送孩子。', fix: '开设了课后延时托管服务' },
    ],
  },
  health: {
    weight: 4,
    units: ['卫生健康'],
    items: [
      { text: '{place}社区卫生服务站药品种类少，慢性病患者要跑大医院开药。', fix: '增加了慢性病常用药品配备' },
      { text: '{place}卫生院缺少医生，周末看病难，希望加强人员配备。', fix: '安排上级医院医生定期坐诊' },
    ],
  },
  social_security: {
    weight: 4,
    units: ['人力资源和社会保障', '民政', '医疗保障'],
    items: [
      { text: '{place}一家企业拖欠{n}名工人工资，工人多次讨要无果。', fix: '督促企业结清了拖欠工资' },
      { text: '希望{place}增加公益性岗位，帮助大龄失业人员再就业。', fix: '开发了公益性岗位并组织招聘' },
      { text: '{place}低保申请审核时间太长，困难家庭生活无着。', fix: '加快了审核并落实了救助' },
    ],
  },
  elderly: {
    weight: 4,
    units: ['民政', '卫生健康'],
    items: [
      { text: '{place}老年人多，没有老年食堂，希望建设社区助餐点。', fix: '建成了社区老年助餐点' },
      { text: '{place}的日间照料中心长期关门，老人没有活动场所。', fix: '恢复了日间照料中心运营' },
    ],
  },
  market: {
    weight: 3,
    units: ['市场监督管理', '商务'],
    items: [
      { text: '{place}菜市场有商贩缺斤短两，希望加强监管。', fix: '开展了计量器具专项检查' },
      { text: '{place}一家健身房收了会员费后关门跑路，{n}多名会员无法退费。', fix: '立案调查并协助会员维权' },
    ],
  },
  rural: {
    weight: 4,
    rural: true,
    units: ['农业农村', '水务', '人民政府'],
    items: [
      { text: '{place}村的灌溉水渠年久失修，春耕用水困难，希望维修。', fix: '完成了水渠维修' },
      { text: '{place}村通往镇里的道路是土路，雨天无法通行，希望硬化。', fix: '已列入农村道路硬化计划' },
      { text: '希望{place}村增加农机补贴名额，帮助种粮大户购置设备。', fix: '增加了农机购置补贴名额' },
    ],
  },
  safety: {
    weight: 3,
    units: ['应急管理', '人民政府', '办事处'],
    items: [
      { text: '{place}小区楼道堆放杂物，电动车在楼道充电，存在火灾隐患。', fix: '清理了楼道杂物并建设了集中充电棚' },
      { text: '{place}路口没有红绿灯，车速快，已经发生过{n}起事故。', fix: '设置了信号灯和减速带' },
    ],
  },
  culture: {
    weight: 2,
    units: ['文化广电和旅游', '教育', '办事处'],
    items: [
      { text: '{place}缺少健身器材和活动广场，希望增设全民健身设施。', fix: '安装了全民健身器材' },
      { text: '希望{place}的图书室延长开放时间，方便上班族借阅。', fix: '延长了图书室开放时间' },
    ],
  },
  other: {
    weight: 2,
    units: ['人民政府', '办事处', '发展和改革'],
    items: [
      { text: '{place}办理业务要跑多个部门，希望推行一窗通办。', fix: '设立了综合受理窗口' },
      { text: '建议{place}在政务服务中心增加老年人帮办服务。', fix: '开设了老年人帮办窗口' },
    ],
  },
};

/** What the constituent gets back, by reply result: `{fix}` is filled in from the case's category. */
export const REPLY_TEXTS: Record<'resolved' | 'basically_resolved' | 'being_resolved' | 'cannot_resolve_now', readonly string[]> =
  {
    resolved: ['经现场核实，已{fix}，问题已解决。感谢您对我们工作的监督。', '接到您的意见后我们立即组织处理，已{fix}。'],
    basically_resolved: ['经核实，已{fix}，问题基本解决，后续将持续跟踪。', '已{fix}，剩余问题将在近期完成整改。'],
    being_resolved: [
      '您反映的问题已列入工作计划，正在推进，预计{n}个月内完成。',
      '相关方案已确定，目前正在组织实施，完成后将及时告知您。',
    ],
    cannot_resolve_now: [
      '经研究，因资金和规划条件所限，该事项暂时无法实施，已纳入下一年度计划统筹考虑。',
      '该事项涉及多方权属，目前条件尚不具备，我们将积极协调，条件成熟后优先解决。',
    ],
  };

/** Matters a station does not take up (DESIGN §3.1): the content, the reason, and where to turn instead. */
export const REJECTIONS: readonly { text: string; reason: string; guidance: string }[] = [
  {
    text: '我和{place}一家公司的劳动合同纠纷已经申请了劳动仲裁，希望代表帮忙让对方尽快赔偿。',
    reason: '所反映事项已进入劳动仲裁程序',
    guidance: '请等待仲裁裁决；对裁决不服的，可以依法向人民法院提起诉讼。',
  },
  {
    text: '我家房屋买卖合同纠纷的案子法院还没判，想请人大代表给法院打个招呼。',
    reason: '所反映事项正在人民法院审理中，代表不干预具体案件',
    guidance: '请通过诉讼程序依法维护权益，可向法院了解案件进展。',
  },
  {
    text: '{place}征收补偿我已经上访多次，请求代表帮助重新核算补偿款。',
    reason: '所反映事项属于信访程序办理的事项',
    guidance: '请向信访部门提出或查询办理情况，也可以依法申请行政复议。',
  },
  {
    text: '我对{place}派出所作出的行政处罚不服，已经申请了行政复议。',
    reason: '所反映事项已进入行政复议程序',
    guidance: '请等待复议决定；对复议决定不服的，可以依法提起行政诉讼。',
  },
];

export const RETURN_REASONS: readonly string[] = [
  '该事项不属于本单位职责范围，建议转交属地政府办理',
  '经核实，该路段由上级部门管养，请改派相关单位',
  '所涉设施产权不属于本单位，无法处理',
];

export const SUPERVISION_INSTRUCTIONS: readonly string[] = [
  '群众反映强烈，请承办单位加快办理，按期答复。',
  '列为重点督办件，请于一周内报告办理进展。',
  '涉及民生安全，务必尽快解决，工委跟踪督办。',
];

export const URGE_NOTES: readonly string[] = ['已超期，请尽快办理', '请抓紧签收办理', '群众多次来电询问，请加快办理'];

export const EVALUATION_COMMENTS: Record<'satisfied' | 'basically_satisfied' | 'unsatisfied', readonly (string | null)[]> = {
  satisfied: ['处理及时，非常满意', '感谢代表和有关部门', null, null, '问题解决了，谢谢'],
  basically_satisfied: ['基本解决了，希望继续关注', null, '处理得还行，就是时间有点长'],
  unsatisfied: ['问题没有实质解决', '答复不能令人满意，希望重新办理', null],
};

export const RECEPTION_SUMMARIES: readonly string[] = [
  '代表接待选民群众，听取意见建议，现场解答政策问题。',
  '开展“代表接待日”活动，收集群众关于民生实事的意见建议。',
  '围绕老旧小区改造和冬季供热听取居民意见。',
  '代表进站接待，现场答复群众咨询，其余问题登记后转交办理。',
];
