import { AppError, badRequest, conflict } from '../../platform/errors.js';

export const organizationNotFound = (id: string) =>
  new AppError(404, 'ORGANIZATION_NOT_FOUND', { zh: `机构 ${id} 不存在`, en: `There is no organization ${id}` });

export const parentNotFound = (id: string) =>
  new AppError(404, 'PARENT_ORGANIZATION_NOT_FOUND', {
    zh: `上级机构 ${id} 不存在`,
    en: `The parent organization ${id} does not exist`,
  });

export const parentOutsideRegion = (parentName: string, parentRegion: string, regionCode: string) =>
  badRequest('PARENT_OUTSIDE_REGION', {
    zh: `上级机构“${parentName}”属于区划 ${parentRegion}，机构所在区划 ${regionCode} 不在其辖区内`,
    en: `The parent "${parentName}" belongs to region ${parentRegion}, which does not contain region ${regionCode}`,
  });

export const parentInactive = (parentName: string) =>
  conflict('PARENT_INACTIVE', {
    zh: `上级机构“${parentName}”已停用，不能在其下设立或调入机构`,
    en: `The parent "${parentName}" is inactive; no organization can be placed under it`,
  });

export const parentCycle = () =>
  badRequest('PARENT_CYCLE', {
    zh: '上级机构不能是本机构或其下级机构',
    en: 'The parent cannot be the organization itself or one below it',
  });

export const childrenOutsideRegion = (childName: string, regionCode: string) =>
  conflict('CHILDREN_OUTSIDE_REGION', {
    zh: `下级机构“${childName}”不在区划 ${regionCode} 的辖区内，请先调整下级机构`,
    en: `The child organization "${childName}" lies outside region ${regionCode}; move it first`,
  });

export const duplicateName = (name: string, regionCode: string) =>
  conflict('DUPLICATE_ORGANIZATION_NAME', {
    zh: `区划 ${regionCode} 已有名为“${name}”的机构`,
    en: `Region ${regionCode} already has an organization named "${name}"`,
  });

export const categoryMismatch = (kind: string, category: string) =>
  badRequest('KIND_CATEGORY_MISMATCH', {
    zh: `机构类型 ${kind} 不属于类别 ${category}`,
    en: `The kind ${kind} does not belong to category ${category}`,
  });

export const outsideTree = () =>
  new AppError(403, 'FORBIDDEN', { zh: '该机构不在您所在单位的范围内', en: 'This organization is outside your own unit' });
