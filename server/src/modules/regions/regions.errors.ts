import { AppError, badRequest, conflict } from '../../platform/errors.js';

export const regionNotFound = (code: string) =>
  new AppError(404, 'REGION_NOT_FOUND', { zh: `行政区划代码 ${code} 不存在`, en: `There is no region with code ${code}` });

export const parentRegionNotFound = (code: string) =>
  new AppError(404, 'PARENT_REGION_NOT_FOUND', {
    zh: `上级乡镇（街道）${code} 不存在`,
    en: `The parent township ${code} does not exist`,
  });

export const parentNotTownship = (code: string, name: string) =>
  badRequest('PARENT_NOT_TOWNSHIP', {
    zh: `社区（村）只能添加在乡镇（街道）之下，${name}（${code}）不是乡镇（街道）`,
    en: `Communities and villages are added under a township; ${name} (${code}) is not one`,
  });

export const codeNotUnderParent = (code: string, parentCode: string) =>
  badRequest('CODE_NOT_UNDER_PARENT', {
    zh: `代码 ${code} 应以上级乡镇（街道）代码 ${parentCode} 开头`,
    en: `The code ${code} must start with the parent township code ${parentCode}`,
  });

export const reservedCommunityCode = (code: string) =>
  badRequest('CODE_RESERVED', {
    zh: `代码 ${code} 的末三位不能为 000（那是乡镇本身）`,
    en: `The code ${code} cannot end in 000: that denotes the township itself`,
  });

export const duplicateRegionCode = (code: string) =>
  conflict('DUPLICATE_REGION_CODE', { zh: `行政区划代码 ${code} 已存在`, en: `A region with code ${code} already exists` });

export const duplicateCommunityName = (name: string) =>
  conflict('DUPLICATE_REGION_NAME', {
    zh: `该乡镇（街道）下已有名为“${name}”的社区（村）`,
    en: `This township already has a community or village named "${name}"`,
  });

export const regionReadOnly = (code: string, name: string) =>
  conflict('REGION_READ_ONLY', {
    zh: `${name}（${code}）来自国家统计用区划代码，不能修改；只能修改管理员添加的社区（村）`,
    en: `${name} (${code}) comes from the national statistical division codes and is read-only; only communities added by administrators can be renamed`,
  });
