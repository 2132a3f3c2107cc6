import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeputyLevel, DeputyStatus, MemberRole } from '../api/types';

const LEVEL_COLOR: Record<DeputyLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  municipal: 'orange',
  county: 'blue',
  township: 'cyan',
};

const STATUS_COLOR: Record<DeputyStatus, string> = {
  serving: 'success',
  ended: 'default',
  resigned: 'warning',
  recalled: 'error',
  deceased: 'default',
};

const ROLE_COLOR: Record<MemberRole, string> = { head: 'red', deputy_head: 'orange', member: 'default' };

/** `short` gives the compact word lists use (县级), the full title otherwise (县（区）人大代表). */
export function LevelTag({ level, short }: { level: DeputyLevel; short?: boolean }) {
  const { t } = useTranslation('deputies');
  return (
    <Tag color={LEVEL_COLOR[level]} style={{ marginInlineEnd: 0 }}>
      {t(short ? `levelShort.${level}` : `level.${level}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: DeputyStatus }) {
  const { t } = useTranslation('deputies');
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export function RoleTag({ role }: { role: MemberRole }) {
  const { t } = useTranslation('deputies');
  return (
    <Tag color={ROLE_COLOR[role]} style={{ marginInlineEnd: 0 }}>
      {t(`memberRole.${role}`)}
    </Tag>
  );
}
