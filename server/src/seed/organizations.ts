import { randomUUID } from 'node:crypto';
import type { OrganizationKind, organizations } from '../modules/organizations/organizations.tables.js';
import { pinyinKeys } from '../platform/text.js';
import type { City, County, Geography } from './geography.js';
import { personName, ROAD_WORDS } from './names.js';
import type { Random } from './random.js';

export type OrganizationRow = typeof organizations.$inferInsert & { id: string };

const SPECIAL_COMMITTEES = [
  '法制委员会',
  '财政经济委员会',
  '教育科学文化卫生委员会',
  '农业与农村委员会',
  '城乡建设环境保护委员会',
  '监察和司法委员会',
];
const PROVINCE_SPECIAL_COMMITTEES = [...SPECIAL_COMMITTEES, '民族侨务外事委员会', '社会建设委员会'];

const PROVINCE_DEPARTMENTS = [
  '教育厅',
  '民政厅',
  '财政厅',
  '人力资源和社会保障厅',
  '自然资源厅',
  '生态环境厅',
  '住房和城乡建设厅',
  '交通运输厅',
  '水利厅',
  '农业农村厅',
  '卫生健康委员会',
  '市场监督管理局',
];
const CITY_DEPARTMENTS = [
  '住房和城乡建设局',
  '交通运输局',
  '生态环境局',
  '城市管理和行政执法局',
  '教育局',
  '卫生健康委员会',
  '发展和改革委员会',
  '工业和信息化局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '水务局',
  '农业农村局',
  '商务局',
  '文化广电和旅游局',
  '退役军人事务局',
  '应急管理局',
  '市场监督管理局',
  '医疗保障局',
  '住房公积金管理中心',
];
const COUNTY_DEPARTMENTS = [
  '住房和城乡建设局',
  '交通运输局',
  '教育局',
  '卫生健康局',
  '发展和改革局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '农业农村局',
  '水务局',
  '市场监督管理局',
  '应急管理局',
];

export interface PlannedOrganizations {
  rows: OrganizationRow[];
  /** The root region's deputies' affairs office, standing committee and housing department, for the demo accounts. */
  rootOffice: OrganizationRow;
  rootStandingCommittee: OrganizationRow;
  rootUnit: OrganizationRow;
}

/**
 * Congress bodies and handling units for the root region and everything below it: standing
 * committees with their offices and special committees, street working committees and township
 * presidiums, government departments, courts, procuratorates and the public utilities.
 */
export function planOrganizations(rng: Random, geo: Geography): PlannedOrganizations {
  const rows: OrganizationRow[] = [];
  const add = (
    regionCode: string,
    category: 'congress' | 'unit',
    kind: OrganizationKind,
    name: string,
    areaCode: string,
    address: string,
    parentId: string | null = null,
    shortName: string | null = null,
  ): OrganizationRow => {
    const row: OrganizationRow = {
      id: randomUUID(),
      regionCode,
      parentId,
      category,
      kind,
      name,
      shortName,
      contactName: personName(rng, rng.chance(0.5) ? 'male' : 'female'),
      contactPhone: `${areaCode}-${rng.pick(['5', '8'])}${rng.digits(7)}`,
      address,
      status: 'active',
      ...pinyinKeys(name),
    };
    rows.push(row);
    return row;
  };
  const street = (place: string) => `${place}${rng.pick(ROAD_WORDS)}${rng.int(1, 299)}号`;

  const congress = (
    code: string,
    name: string,
    areaCode: string,
    place: string,
    committees: readonly string[],
    officeName: string,
  ) => {
    const sc = add(
      code,
      'congress',
      'standing_committee',
      `${name}人民代表大会常务委员会`,
      areaCode,
      street(place),
      null,
      `${name}人大常委会`,
    );
    const office = add(code, 'congress', 'office', officeName, areaCode, sc.address ?? '', sc.id);
    for (const c of committees)
      add(code, 'congress', 'special_committee', `${name}人民代表大会${c}`, areaCode, sc.address ?? '', sc.id);
    return { sc, office };
  };

  let root: { sc: OrganizationRow; office: OrganizationRow; unit: OrganizationRow } | undefined;
  const province = geo.province;
  if (geo.root.level === 'province') {
    const capital = geo.cities[0] as City;
    const place = `${capital.name}`;
    const bodies = congress(
      province.code,
      province.name,
      capital.areaCode,
      place,
      PROVINCE_SPECIAL_COMMITTEES,
      `${province.name}人大常委会代表工作委员会`,
    );
    const units = PROVINCE_DEPARTMENTS.map((d) =>
      add(province.code, 'unit', 'government_department', `${province.name}${d}`, capital.areaCode, street(place)),
    );
    add(province.code, 'unit', 'court', `${province.name}高级人民法院`, capital.areaCode, street(place));
    add(province.code, 'unit', 'procuratorate', `${province.name}人民检察院`, capital.areaCode, street(place));
    add(province.code, 'unit', 'public_utility', `国网${province.name}电力有限公司`, capital.areaCode, street(place));
    root = { ...bodies, unit: housing(units) };
  }

  for (const city of geo.cities) {
    if (geo.root.level === 'county') break;
    const place = city.name;
    let bodies: { sc: OrganizationRow; office: OrganizationRow };
    if (city.prefecture) {
      // A prefecture has no congress: the provincial standing committee's working committee stands in.
      const wc = add(
        city.code,
        'congress',
        'office',
        `${city.name}人大工作委员会`,
        city.areaCode,
        street(place),
        null,
        `${city.name}人大工委`,
      );
      bodies = { sc: wc, office: wc };
    } else {
      bodies = congress(city.code, city.name, city.areaCode, place, SPECIAL_COMMITTEES, `${city.name}人大常委会代表工作委员会`);
    }
    const units = CITY_DEPARTMENTS.map((d) =>
      add(city.code, 'unit', 'government_department', `${city.name}${d}`, city.areaCode, street(place)),
    );
    add(city.code, 'unit', 'court', `${city.name}中级人民法院`, city.areaCode, street(place));
    add(city.code, 'unit', 'procuratorate', `${city.name}人民检察院`, city.areaCode, street(place));
    add(
      city.code,
      'unit',
      'public_utility',
      `${city.shortName}供水集团有限责任公司`,
      city.areaCode,
      street(place),
      null,
      `${city.shortName}供水`,
    );
    add(
      city.code,
      'unit',
      'public_utility',
      `${city.shortName}热力集团有限责任公司`,
      city.areaCode,
      street(place),
      null,
      `${city.shortName}供热`,
    );
    add(
      city.code,
      'unit',
      'public_utility',
      `国网${city.shortName}供电公司`,
      city.areaCode,
      street(place),
      null,
      `${city.shortName}供电`,
    );
    add(
      city.code,
      'unit',
      'public_utility',
      `${city.shortName}燃气有限公司`,
      city.areaCode,
      street(place),
      null,
      `${city.shortName}燃气`,
    );
    add(
      city.code,
      'unit',
      'public_utility',
      `${city.shortName}公共交通集团有限公司`,
      city.areaCode,
      street(place),
      null,
      `${city.shortName}公交`,
    );
    if (geo.root.level === 'city') root = { ...bodies, unit: housing(units) };
  }

  for (const county of geo.counties) {
    const bodies = planCounty(county, add, street);
    if (geo.root.level === 'county') root = bodies;
  }
  if (!root) throw new Error('no organizations planned for the root region');
  return { rows, rootOffice: root.office, rootStandingCommittee: root.sc, rootUnit: root.unit };
}

type Add = (
  regionCode: string,
  category: 'congress' | 'unit',
  kind: OrganizationKind,
  name: string,
  areaCode: string,
  address: string,
  parentId?: string | null,
  shortName?: string | null,
) => OrganizationRow;

function planCounty(county: County, add: Add, street: (place: string) => string) {
  const area = county.city.areaCode;
  const place = `${county.city.name}${county.name}`;
  const sc = add(
    county.code,
    'congress',
    'standing_committee',
    `${county.name}人民代表大会常务委员会`,
    area,
    street(place),
    null,
    `${county.name}人大常委会`,
  );
  const office = add(county.code, 'congress', 'office', `${county.name}人大常委会办公室`, area, sc.address ?? '', sc.id);
  const units = COUNTY_DEPARTMENTS.map((d) =>
    add(county.code, 'unit', 'government_department', `${county.name}${d}`, area, street(place)),
  );
  add(county.code, 'unit', 'court', `${county.name}人民法院`, area, street(place));
  add(county.code, 'unit', 'procuratorate', `${county.name}人民检察院`, area, street(place));
  if (!county.name.endsWith('区')) {
    // Counties run their own heating and water companies; districts are served by the city's.
    const short = county.name.replace(/(县|市)$/, '');
    add(county.code, 'unit', 'public_utility', `${short}供热有限公司`, area, street(place));
    add(county.code, 'unit', 'public_utility', `${short}自来水有限公司`, area, street(place));
  }
  for (const t of county.townships) {
    const tplace = `${place}${t.name}`;
    if (t.street) {
      // A street working committee is the district standing committee's own body in the sub-district.
      add(
        t.code,
        'congress',
        'street_working_committee',
        `${t.name}人大工作委员会`,
        area,
        street(tplace),
        sc.id,
        `${t.name}人大工委`,
      );
      add(t.code, 'unit', 'other_unit', `${t.name}办事处`, area, street(tplace));
    } else {
      add(
        t.code,
        'congress',
        'township_presidium',
        `${t.name}人民代表大会主席团`,
        area,
        `${tplace}人民政府院内`,
        null,
        `${t.name}人大主席团`,
      );
      add(t.code, 'unit', 'other_unit', `${t.name}人民政府`, area, `${tplace}人民政府院内`);
    }
  }
  return { sc, office, unit: housing(units) };
}

const housing = (units: OrganizationRow[]) =>
  units.find((u) => u.name.includes('住房和城乡建设')) ?? (units[0] as OrganizationRow);
