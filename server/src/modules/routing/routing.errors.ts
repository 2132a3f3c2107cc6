import { AppError, badRequest, conflict } from '../../platform/errors.js';

export const categoryNotFound = (id: string) =>
  new AppError(404, 'CATEGORY_NOT_FOUND', { zh: `意见分类 ${id} 不存在`, en: `There is no opinion category ${id}` });

export const parentCategoryNotFound = (id: string) =>
  new AppError(404, 'PARENT_CATEGORY_NOT_FOUND', {
    zh: `上级分类 ${id} 不存在`,
    en: `The parent category ${id} does not exist`,
  });

export const categoryTooDeep = (parentName: string) =>
  badRequest('CATEGORY_TOO_DEEP', {
    zh: `分类最多两级，“${parentName}”已是二级分类，不能在其下再设分类`,
    en: `Categories have at most two levels; "${parentName}" is already a second-level category`,
  });

export const codeNotUnderParent = (code: string, parentCode: string) =>
  badRequest('CATEGORY_CODE_NOT_UNDER_PARENT', {
    zh: `二级分类代码应为“${parentCode}.”加小写字母、数字或下划线，${code} 不符合`,
    en: `A second-level category code is "${parentCode}." followed by lower-case letters, digits or underscores; ${code} is not`,
  });

export const topLevelCodeWithDot = (code: string) =>
  badRequest('CATEGORY_CODE_NEEDS_PARENT', {
    zh: `带点的代码 ${code} 表示二级分类，请同时指定上级分类`,
    en: `The dotted code ${code} denotes a second-level category; name its parent`,
  });

export const duplicateCategoryCode = (code: string) =>
  conflict('DUPLICATE_CATEGORY_CODE', { zh: `分类代码 ${code} 已存在`, en: `The category code ${code} is already in use` });

export const duplicateCategoryName = (name: string) =>
  conflict('DUPLICATE_CATEGORY_NAME', {
    zh: `同一上级下已有名为“${name}”的分类`,
    en: `There is already a category named "${name}" at this place in the tree`,
  });

export const parentCategoryInactive = (parentName: string) =>
  conflict('PARENT_CATEGORY_INACTIVE', {
    zh: `上级分类“${parentName}”已停用，请先启用上级分类`,
    en: `The parent category "${parentName}" is inactive; reactivate it first`,
  });

export const categoryInactive = (name: string) =>
  conflict('CATEGORY_INACTIVE', {
    zh: `分类“${name}”已停用，不能为其设置承办规则`,
    en: `The category "${name}" is inactive; no routing rule can be set for it`,
  });

export const routingRuleNotFound = (id: string) =>
  new AppError(404, 'ROUTING_RULE_NOT_FOUND', { zh: `承办规则 ${id} 不存在`, en: `There is no routing rule ${id}` });

export const routingRuleEnded = () =>
  conflict('ROUTING_RULE_ENDED', {
    zh: '该承办规则已停止生效，历史规则不能修改',
    en: 'This routing rule has already ended; history cannot be changed',
  });

export const routingRuleChanged = () =>
  conflict('ROUTING_RULE_CHANGED', {
    zh: '该分类和区划的承办规则刚被他人修改，请刷新后重试',
    en: 'Someone else has just changed the rule for this category and region; reload and try again',
  });

export const unitNotFound = (id: string) =>
  new AppError(404, 'UNIT_NOT_FOUND', { zh: `承办单位 ${id} 不存在`, en: `There is no handling unit ${id}` });

export const notAUnit = (name: string) =>
  badRequest('NOT_A_UNIT', {
    zh: `“${name}”是人大机构，不是承办单位`,
    en: `"${name}" is a congress body, not a handling unit`,
  });

export const unitOutsideRegion = (name: string, unitRegion: string, regionCode: string) =>
  badRequest('UNIT_OUTSIDE_REGION', {
    zh: `承办单位“${name}”属于区划 ${unitRegion}，不负责区划 ${regionCode}；只能选择本区划或上级区划的单位`,
    en: `The unit "${name}" belongs to region ${unitRegion}, which does not cover region ${regionCode}; choose a unit of the region or of a region above it`,
  });

export const unitInactive = (name: string) =>
  conflict('UNIT_INACTIVE', {
    zh: `承办单位“${name}”已停用，不能作为默认承办单位`,
    en: `The unit "${name}" is inactive and cannot be the default handling unit`,
  });
