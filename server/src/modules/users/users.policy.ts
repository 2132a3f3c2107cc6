import { ADMIN_ROLES, BUSINESS_ROLES, type Role } from '../../platform/auth/roles.js';
import type { SessionUser } from '../../platform/auth/session.js';
import { forbidden } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n.js';
import { assertInScope } from '../../platform/scope.js';

/**
 * 三员分立: the system administrator runs accounts of the business roles, the security administrator
 * decides who holds which role, and neither can act on the other's side of the line.
 */
export const usersAccess = {
  list: ['sysadmin', 'secadmin'],
  read: ['sysadmin', 'secadmin'],
  create: ['sysadmin'],
  update: ['sysadmin'],
  resetPassword: ['sysadmin'],
  changeRole: ['secadmin'],
  unlock: ['secadmin'],
} satisfies Record<string, readonly Role[]>;

export const isAdminRole = (role: string): boolean => (ADMIN_ROLES as readonly string[]).includes(role);

/** The system administrator creates business accounts only; administrators are appointed by the security administrator. */
export function assertMayCreateRole(role: Role): void {
  if (!(BUSINESS_ROLES as readonly string[]).includes(role)) {
    throw forbidden({
      zh: '系统管理员只能创建业务账号；管理员角色须由安全管理员授予（三员分立）',
      en: 'The system administrator creates business accounts only; administrator roles are granted by the security administrator',
    });
  }
}

/** Knowing another administrator's password means acting as that administrator, so nobody may reset one here. */
export function assertMayResetPassword(actor: SessionUser, target: { id: string; role: string }): void {
  if (target.id === actor.id) {
    throw forbidden({
      zh: '请在“修改密码”中修改自己的密码',
      en: 'Change your own password with “Change password”',
    });
  }
  if (isAdminRole(target.role)) {
    throw forbidden({
      zh: '不能重置管理员账号的密码（三员分立）',
      en: 'The password of an administrator account cannot be reset here (separation of duties)',
    });
  }
}

export function assertNotSelf(actor: SessionUser, targetId: string, text: Text): void {
  if (actor.id === targetId) throw forbidden(text);
}

/** An administrator scoped to a region manages the accounts of that subtree only. */
export function assertManages(actor: SessionUser, target: { regionCode: string }): void {
  assertInScope(actor, target.regionCode);
}

export interface RoleInfo {
  role: Role;
  administrator: boolean;
  /** What limits the account's view besides its region subtree. */
  boundTo: 'region' | 'organization' | 'station' | 'person';
  name: Text;
  description: Text;
  abilities: { zh: string[]; en: string[] };
  /** Who may give an account this role. */
  grantedBy: Role[];
}

/** The catalog the web console shows on the roles page and uses to build role pickers. */
export const ROLE_CATALOG: readonly RoleInfo[] = [
  {
    role: 'deputy',
    administrator: false,
    boundTo: 'person',
    name: { zh: '人大代表', en: 'Deputy' },
    description: {
      zh: '五级人大代表，账号与代表本人（人员）绑定',
      en: 'A deputy of one of the five levels; the account belongs to the deputy in person',
    },
    abilities: {
      zh: ['在联络站接待群众', '受理并负责群众意见', '提出建议、议案', '评价答复', '记录履职活动'],
      en: [
        'Receive constituents at stations',
        'Accept and own opinions',
        'Raise suggestions and motions',
        'Rate the answers',
        'Record duty activities',
      ],
    },
    grantedBy: ['sysadmin', 'secadmin'],
  },
  {
    role: 'station_staff',
    administrator: false,
    boundTo: 'station',
    name: { zh: '联络站联络员', en: 'Station liaison officer' },
    description: { zh: '负责一个代表联络站的日常运行', en: 'Runs one liaison station' },
    abilities: {
      zh: ['安排接待日', '登记接待记录', '代群众录入意见'],
      en: ['Schedule reception days', 'Keep reception records', 'Enter opinions for callers and visitors'],
    },
    grantedBy: ['sysadmin', 'secadmin'],
  },
  {
    role: 'office_staff',
    administrator: false,
    boundTo: 'region',
    name: { zh: '人大代表工作机构人员', en: "Deputies' affairs office staff" },
    description: {
      zh: '市、区县、乡镇人大代表工委或人大办的工作人员，管辖本区域及下级区域',
      en: "Staff of a city, county or township deputies' affairs office; works on its region and the regions below",
    },
    abilities: {
      zh: ['维护代表、联络站、组织机构', '审核、分类、转办、交办', '催办、督办', '发布与统计'],
      en: [
        'Maintain deputies, stations and organizations',
        'Review, classify, transfer and assign',
        'Urge and supervise',
        'Publish and report',
      ],
    },
    grantedBy: ['sysadmin', 'secadmin'],
  },
  {
    role: 'unit_staff',
    administrator: false,
    boundTo: 'organization',
    name: { zh: '承办单位人员', en: 'Handling unit staff' },
    description: {
      zh: '政府部门、法院、检察院、公用事业单位等承办单位的经办人，只处理本单位事项',
      en: "Staff of a handling unit (department, court, procuratorate, utility); handles its own unit's cases only",
    },
    abilities: {
      zh: ['接收或退回交办事项', '与代表面商沟通', '答复'],
      en: ['Accept or return what is assigned', 'Consult the deputy', 'Reply'],
    },
    grantedBy: ['sysadmin', 'secadmin'],
  },
  {
    role: 'leader',
    administrator: false,
    boundTo: 'region',
    name: { zh: '常委会领导', en: 'Standing committee leader' },
    description: { zh: '主任会议成员', en: "A member of the chairpersons' council" },
    abilities: {
      zh: ['查看统计与大屏', '重点督办', '作出批示'],
      en: ['View dashboards', 'Key supervision', 'Give instructions'],
    },
    grantedBy: ['sysadmin', 'secadmin'],
  },
  {
    role: 'sysadmin',
    administrator: true,
    boundTo: 'region',
    name: { zh: '系统管理员', en: 'System administrator' },
    description: {
      zh: '三员之一：管理业务账号与系统设置，不接触业务个人数据',
      en: 'One of the three administrators: business accounts and settings; sees no business personal data',
    },
    abilities: {
      zh: ['创建业务账号', '停用、启用账号', '重置业务账号密码', '系统设置'],
      en: ['Create business accounts', 'Disable and enable accounts', 'Reset passwords of business accounts', 'System settings'],
    },
    grantedBy: ['secadmin'],
  },
  {
    role: 'secadmin',
    administrator: true,
    boundTo: 'region',
    name: { zh: '安全管理员', en: 'Security administrator' },
    description: {
      zh: '三员之一：分配角色与管辖范围，管理安全策略',
      en: 'One of the three administrators: roles, scopes and security policy',
    },
    abilities: {
      zh: ['变更账号角色与管辖范围', '解除账号锁定', '安全策略'],
      en: ["Change an account's role and scope", 'Unlock accounts', 'Security policy'],
    },
    grantedBy: ['secadmin'],
  },
  {
    role: 'auditor',
    administrator: true,
    boundTo: 'region',
    name: { zh: '审计管理员', en: 'Auditor' },
    description: {
      zh: '三员之一：查阅审计日志并校验其完整性，包括另两名管理员的操作',
      en: 'One of the three administrators: reads the audit trail, the other administrators’ actions included, and verifies its chain',
    },
    abilities: {
      zh: ['查阅审计日志', '校验审计链'],
      en: ['Read the audit trail', 'Verify the hash chain'],
    },
    grantedBy: ['secadmin'],
  },
];
