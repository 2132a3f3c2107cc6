import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationStatus } from '../api/organizations';

export function StatusTag({ status }: { status: OrganizationStatus }) {
  const { t } = useTranslation('organizations');
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`status.${status}`)}</Tag>;
}
