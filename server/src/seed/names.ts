import type { Random } from './random.js';

/**
 * Word lists for plausible demo people. Surname weights follow the national household-register
 * ranking (per mille, rounded); the given-name characters are common ones for people born
 * 1955–2000, split by the gender they are usually given to.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71],
  ['李', 70],
  ['张', 66],
  ['刘', 53],
  ['陈', 46],
  ['杨', 32],
  ['赵', 24],
  ['黄', 22],
  ['周', 21],
  ['吴', 20],
  ['徐', 17],
  ['孙', 16],
  ['胡', 13],
  ['朱', 13],
  ['高', 13],
  ['林', 12],
  ['何', 12],
  ['郭', 12],
  ['马', 12],
  ['罗', 9],
  ['梁', 9],
  ['宋', 8],
  ['郑', 8],
  ['谢', 7],
  ['韩', 7],
  ['唐', 7],
  ['冯', 7],
  ['于', 7],
  ['董', 7],
  ['萧', 6],
  ['程', 6],
  ['曹', 6],
  ['袁', 6],
  ['邓', 6],
  ['许', 6],
  ['傅', 5],
  ['沈', 5],
  ['曾', 5],
  ['彭', 5],
  ['吕', 5],
  ['苏', 5],
  ['卢', 5],
  ['蒋', 5],
  ['蔡', 5],
  ['贾', 4],
  ['丁', 4],
  ['魏', 4],
  ['薛', 4],
  ['叶', 4],
  ['阎', 4],
  ['余', 4],
  ['潘', 4],
  ['杜', 4],
  ['戴', 4],
  ['夏', 4],
  ['钟', 3],
  ['汪', 3],
  ['田', 3],
  ['任', 3],
  ['姜', 3],
  ['范', 3],
  ['方', 3],
  ['石', 3],
  ['姚', 3],
  ['谭', 3],
  ['廖', 3],
  ['邹', 3],
  ['熊', 3],
  ['金', 3],
  ['陆', 3],
  ['郝', 3],
  ['孔', 3],
  ['白', 3],
  ['崔', 3],
  ['康', 3],
  ['毛', 3],
  ['邱', 3],
  ['秦', 3],
  ['江', 3],
  ['史', 3],
  ['顾', 2],
  ['侯', 2],
  ['邵', 2],
  ['孟', 2],
  ['龙', 2],
  ['万', 2],
  ['段', 2],
  ['雷', 2],
  ['钱', 2],
  ['汤', 2],
  ['尹', 2],
  ['黎', 2],
  ['易', 2],
  ['常', 2],
  ['武', 2],
  ['乔', 2],
  ['贺', 2],
  ['赖', 2],
  ['龚', 2],
  ['文', 2],
  ['庞', 1],
  ['樊', 1],
  ['兰', 1],
  ['殷', 1],
  ['施', 1],
  ['陶', 1],
  ['洪', 1],
  ['翟', 1],
  ['安', 1],
  ['颜', 1],
  ['倪', 1],
  ['严', 1],
  ['牛', 1],
  ['温', 1],
  ['芦', 1],
  ['季', 1],
  ['俞', 1],
  ['章', 1],
  ['鲁', 1],
  ['葛', 1],
  ['伍', 1],
  ['韦', 1],
  ['申', 1],
  ['尤', 1],
  ['毕', 1],
  ['聂', 1],
  ['丛', 1],
  ['焦', 1],
  ['向', 1],
  ['柳', 1],
  ['邢', 1],
  ['路', 1],
  ['岳', 1],
  ['齐', 1],
  ['滕', 1],
  ['梅', 1],
  ['莫', 1],
  ['庄', 1],
  ['辛', 1],
  ['管', 1],
  ['祝', 1],
  ['左', 1],
  ['涂', 1],
  ['谷', 1],
  ['祁', 1],
  ['时', 1],
  ['舒', 1],
  ['耿', 1],
  ['牟', 1],
  ['卜', 1],
  ['关', 1],
  ['那', 1],
  ['佟', 1],
  ['富', 1],
  ['鄂', 1],
  ['宫', 1],
  ['隋', 1],
  ['栾', 1],
];

const MALE_CHARS = [
  ...'伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘',
];
const FEMALE_CHARS = [
  ...'秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽',
];

export function personName(rng: Random, gender: 'male' | 'female'): string {
  const surname = rng.weighted(SURNAMES);
  const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  // About a quarter of people born in this period have a one-character given name.
  const given = rng.chance(0.25) ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
  return surname + given;
}

/** Heilongjiang's deputies: mostly Han, with the province's Manchu, Korean, Hui, Mongol and smaller peoples. */
export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 900],
  ['满族', 50],
  ['朝鲜族', 20],
  ['回族', 12],
  ['蒙古族', 10],
  ['达斡尔族', 4],
  ['锡伯族', 2],
  ['鄂伦春族', 1],
  ['赫哲族', 1],
];

export const PARTIES: readonly (readonly [string, number])[] = [
  ['中共党员', 700],
  ['群众', 150],
  ['无党派人士', 30],
  ['共青团员', 10],
  ['民革党员', 12],
  ['民盟盟员', 20],
  ['民建会员', 20],
  ['民进会员', 15],
  ['农工党党员', 12],
  ['致公党党员', 5],
  ['九三学社社员', 15],
  ['台盟盟员', 2],
];

export type DeputyLevel = 'national' | 'provincial' | 'municipal' | 'county' | 'township';

/** Higher congresses have more graduates; township congresses more farmers and workers. */
export function education(rng: Random, level: DeputyLevel): string {
  const high = level === 'national' || level === 'provincial';
  return rng.weighted<string>(
    high
      ? [
          ['研究生', 45],
          ['大学本科', 45],
          ['大学专科', 10],
        ]
      : level === 'township'
        ? [
            ['大学本科', 20],
            ['大学专科', 30],
            ['中专', 15],
            ['高中', 20],
            ['初中', 15],
          ]
        : [
            ['研究生', 15],
            ['大学本科', 50],
            ['大学专科', 20],
            ['中专', 5],
            ['高中', 7],
            ['初中', 3],
          ],
  );
}

/** The composition categories congresses report (代表构成), each with typical posts. */
const OCCUPATIONS: Record<string, readonly string[]> = {
  党政领导干部: [
    '区委副书记',
    '副区长',
    '县委常委',
    '乡镇党委书记',
    '镇长',
    '街道党工委书记',
    '街道办事处主任',
    '局长',
    '副局长',
    '人大常委会副主任',
  ],
  专业技术人员: [
    '主任医师',
    '副主任医师',
    '护士长',
    '中学高级教师',
    '小学教师',
    '幼儿园园长',
    '高级工程师',
    '律师事务所主任',
    '注册会计师',
    '农业技术推广研究员',
    '大学教授',
    '科研所研究员',
  ],
  工人: [
    '车间主任',
    '电焊工',
    '数控机床操作工',
    '铁路机车司机',
    '电力巡线工',
    '公交车驾驶员',
    '环卫工人',
    '建筑工人',
    '技术工人',
    '快递员',
  ],
  农民: ['种粮大户', '农民专业合作社理事长', '家庭农场主', '养殖户', '村民', '水稻种植户', '蔬菜种植户'],
  企业负责人: ['公司董事长', '公司总经理', '集团公司党委书记', '个体工商户', '民营企业负责人', '农业产业化龙头企业负责人'],
  基层组织人员: ['社区党委书记', '社区居委会主任', '村党支部书记', '村委会主任', '网格员', '志愿服务队队长', '社会组织负责人'],
  其他: ['退休干部', '个体经营者', '非遗传承人', '退役军人', '新就业形态劳动者'],
};

export function occupation(rng: Random, level: DeputyLevel, rural: boolean): { category: string; title: string } {
  const pairs: (readonly [string, number])[] =
    level === 'township'
      ? [
          ['农民', rural ? 40 : 5],
          ['基层组织人员', 25],
          ['工人', rural ? 8 : 25],
          ['专业技术人员', 12],
          ['企业负责人', 8],
          ['党政领导干部', 5],
          ['其他', 5],
        ]
      : level === 'county'
        ? [
            ['农民', rural ? 18 : 2],
            ['基层组织人员', 20],
            ['工人', 15],
            ['专业技术人员', 18],
            ['企业负责人', 12],
            ['党政领导干部', 13],
            ['其他', 4],
          ]
        : [
            ['农民', 5],
            ['基层组织人员', 8],
            ['工人', 12],
            ['专业技术人员', 25],
            ['企业负责人', 18],
            ['党政领导干部', 30],
            ['其他', 2],
          ];
  const category = rng.weighted(pairs);
  return { category, title: rng.pick(OCCUPATIONS[category] as readonly string[]) };
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];

export function mobilePhone(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** Common place-name words for communities and villages, so two stations in one township get different names. */
export const COMMUNITY_WORDS = [
  ...'和平 友谊 建设 新华 红旗 繁荣 胜利 光明 东风 幸福 阳光 民主 团结 兴华 安和 康宁 丽江 锦绣 春华 长青 富强 振兴 新村 前进 永安 朝阳 向阳 丰收 太平 福民'.split(
    ' ',
  ),
];

export const ROAD_WORDS = [
  ...'中山路 友谊路 红旗大街 建设街 人民路 和平路 新华街 学府路 长江路 黄河路 文化街 民主路 东风街 兴华街 光明街 繁荣街 经纬街 大直街 滨江路 胜利路'.split(
    ' ',
  ),
];

export const ENTERPRISES = [
  '机械制造集团',
  '电站设备集团',
  '制药集团',
  '乳业集团',
  '食品产业园',
  '农业科技公司',
  '轨道交通装备公司',
  '新材料产业园',
  '粮食储备库',
  '物流园区',
];
