import { Rate, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeputyLevel, MemberRole, StationStatus, StationTier, StationType } from '../api/types';

const TYPE_COLOR: Record<StationType, string> = {
  station: 'red',
  home: 'volcano',
  point: 'orange',
  online: 'geekblue',
  mobile: 'purple',
  court: 'blue',
  procuratorate: 'cyan',
  enterprise: 'green',
};
const TIER_COLOR: Record<StationTier, string> = { main: 'magenta', central: 'gold', basic: 'default' };
const ROLE_COLOR: Record<MemberRole, string> = { head: 'red', deputy_head: 'orange', member: 'default' };
const LEVEL_COLOR: Record<DeputyLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  municipal: 'orange',
  county: 'blue',
  township: 'cyan',
};
const tag = { marginInlineEnd: 0 } as const;

export function TypeTag({ type }: { type: StationType }) {
  const { t } = useTranslation('stations');
  return (
    <Tag color={TYPE_COLOR[type]} style={tag}>
      {t(`type.${type}`)}
    </Tag>
  );
}

export function TierTag({ tier }: { tier: StationTier }) {
  const { t } = useTranslation('stations');
  return (
    <Tag color={TIER_COLOR[tier]} style={tag}>
      {t(`tier.${tier}`)}
    </Tag>
  );
}

export function RoleTag({ role }: { role: MemberRole }) {
  const { t } = useTranslation('stations');
  return (
    <Tag color={ROLE_COLOR[role]} style={tag}>
      {t(`role.${role}`)}
    </Tag>
  );
}

export function LevelTag({ level }: { level: DeputyLevel }) {
  const { t } = useTranslation('stations');
  return (
    <Tag color={LEVEL_COLOR[level]} style={tag}>
      {t(`level.${level}`)}
    </Tag>
  );
}

export function StationStatusTag({ status }: { status: StationStatus }) {
  const { t } = useTranslation('stations');
  return (
    <Tag color={status === 'active' ? 'success' : 'default'} style={tag}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** The star rating (星级联络站), read-only wherever it is shown. */
export function Stars({ value, size = 14 }: { value: number; size?: number }) {
  const { t } = useTranslation('stations');
  return (
    <Rate disabled value={value} style={{ fontSize: size, whiteSpace: 'nowrap' }} aria-label={t('starLabel', { count: value })} />
  );
}
