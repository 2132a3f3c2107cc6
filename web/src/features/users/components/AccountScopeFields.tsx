import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../../components/RegionPicker';
import { useMe } from '../../../lib/auth';
import type { Role } from '../../../lib/policies';
import { type RoleInfo, useRoleCatalog, useRoleName } from '../api/users';
import { PersonSelect } from './PersonSelect';
import { ScopeSelect } from './ScopeSelect';

interface Props {
  /** Which roles the acting administrator may give (from the catalog's grantedBy). */
  grantable: (info: RoleInfo) => boolean;
  currentNames?: { organization?: string | null; station?: string | null; person?: string | null };
}

/**
 * The role and what it binds the account to, as users.rules.ts requires: a unit account its handling
 * unit, a station account its station, a deputy account the deputy in person; office and leader
 * accounts may name their congress body. Fields the role does not use are not shown (and sent as null).
 */
export function AccountScopeFields({ grantable, currentNames }: Props) {
  const { t } = useTranslation('users');
  const me = useMe();
  const catalog = useRoleCatalog();
  const roleName = useRoleName();
  const form = Form.useFormInstance();
  const role = Form.useWatch<Role | undefined>('role', form);
  const regionCode = Form.useWatch<string | undefined>('regionCode', form);

  const roleOptions = (catalog.data ?? []).filter(grantable).map((r) => ({ value: r.role, label: roleName(r.role) }));
  const clearLinks = () => form.setFieldsValue({ organizationId: null, stationId: null, personId: null });

  return (
    <>
      <Form.Item name="role" label={t('fields.role')} rules={[{ required: true, message: t('rules.roleRequired') }]}>
        <Select<Role> options={roleOptions} loading={catalog.isLoading} onChange={clearLinks} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('fields.region')} extra={t('regionHint')}>
        <RegionPicker rootCode={me.regionCode} maxLevel="township" placeholder={t('wholeCountry')} onChange={clearLinks} />
      </Form.Item>
      {(role === 'unit_staff' || role === 'office_staff' || role === 'leader') && (
        <Form.Item
          name="organizationId"
          label={t('fields.organization')}
          extra={role === 'unit_staff' ? t('orgHint.unit_staff') : t('orgHint.other')}
          rules={role === 'unit_staff' ? [{ required: true, message: t('rules.organizationRequired') }] : []}
        >
          <ScopeSelect
            kind="organizations"
            filter={{ regionCode: regionCode || undefined, category: role === 'unit_staff' ? 'unit' : 'congress' }}
            currentName={currentNames?.organization}
            placeholder={t('orgPlaceholder')}
          />
        </Form.Item>
      )}
      {role === 'station_staff' && (
        <Form.Item name="stationId" label={t('fields.station')} rules={[{ required: true, message: t('rules.stationRequired') }]}>
          <ScopeSelect
            kind="stations"
            filter={{ regionCode: regionCode || undefined }}
            currentName={currentNames?.station}
            placeholder={t('stationPlaceholder')}
          />
        </Form.Item>
      )}
      {role === 'deputy' && (
        <Form.Item
          name="personId"
          label={t('fields.person')}
          extra={t('personHint')}
          rules={[{ required: true, message: t('rules.personRequired') }]}
        >
          <PersonSelect regionCode={regionCode} currentName={currentNames?.person} placeholder={t('personPlaceholder')} />
        </Form.Item>
      )}
    </>
  );
}

/** The scope part of a form's values, with what the role does not use set to null. */
export function scopeOf(v: {
  role: Role;
  regionCode?: string | null;
  organizationId?: string | null;
  stationId?: string | null;
  personId?: string | null;
}) {
  return {
    role: v.role,
    regionCode: v.regionCode ?? '',
    organizationId:
      v.role === 'unit_staff' || v.role === 'office_staff' || v.role === 'leader' ? (v.organizationId ?? null) : null,
    stationId: v.role === 'station_staff' ? (v.stationId ?? null) : null,
    personId: v.role === 'deputy' ? (v.personId ?? null) : null,
  };
}

/** Server codes of users.rules.ts that belong to one field of the scope. */
export const SCOPE_FIELD_OF_CODE: Record<string, string> = {
  REGION_NOT_FOUND: 'regionCode',
  FORBIDDEN: 'regionCode',
  ORGANIZATION_REQUIRED: 'organizationId',
  ORGANIZATION_NOT_ALLOWED: 'organizationId',
  ORGANIZATION_NOT_FOUND: 'organizationId',
  ORGANIZATION_INACTIVE: 'organizationId',
  ORGANIZATION_NOT_UNIT: 'organizationId',
  ORGANIZATION_NOT_CONGRESS: 'organizationId',
  STATION_REQUIRED: 'stationId',
  STATION_NOT_FOUND: 'stationId',
  STATION_INACTIVE: 'stationId',
  PERSON_REQUIRED: 'personId',
  PERSON_NOT_FOUND: 'personId',
  PERSON_HAS_ACCOUNT: 'personId',
  USERNAME_TAKEN: 'username',
};
