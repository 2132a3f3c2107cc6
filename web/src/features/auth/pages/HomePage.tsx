import {
  ApartmentOutlined,
  AuditOutlined,
  EnvironmentOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Card, Col, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HOME_CARDS } from '../../../app/homeCards';
import { useMe } from '../../../lib/auth';
import { can, hasRole, type Permission } from '../../../lib/policies';
import { useListTotal } from '../api/totals';

interface Entry {
  key: 'deputies' | 'stations' | 'organizations' | 'regions' | 'users' | 'roles' | 'audit';
  path: string;
  icon: ReactNode;
  permission: Permission;
  /** The list whose total is shown, when the entry is a list worth counting. */
  countPath?: string;
}

const ENTRIES: Entry[] = [
  { key: 'deputies', path: '/deputies', icon: <TeamOutlined />, permission: 'deputies.read', countPath: '/deputies' },
  { key: 'stations', path: '/stations', icon: <ShopOutlined />, permission: 'stations.read', countPath: '/stations' },
  {
    key: 'organizations',
    path: '/organizations',
    icon: <ApartmentOutlined />,
    permission: 'organizations.read',
    countPath: '/organizations',
  },
  { key: 'users', path: '/users', icon: <UserOutlined />, permission: 'users.list', countPath: '/users' },
  { key: 'roles', path: '/roles', icon: <SafetyCertificateOutlined />, permission: 'users.list' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.list' },
  { key: 'regions', path: '/regions', icon: <EnvironmentOutlined />, permission: 'regions.read' },
];

function CountCard({ entry }: { entry: Entry }) {
  const { t } = useTranslation('auth');
  const total = useListTotal(entry.countPath ?? '', !!entry.countPath);
  return (
    <Link to={entry.path}>
      <Card hoverable size="small">
        <Statistic title={t(`home.${entry.key}`)} prefix={entry.icon} value={total.data ?? '—'} loading={total.isLoading} />
      </Card>
    </Link>
  );
}

export default function HomePage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const entries = ENTRIES.filter((e) => can(me, e.permission));
  const counted = entries.filter((e) => e.countPath);
  const region = me.regionName ?? (me.regionCode || t('common:app.wholeCountry'));

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={8}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('home.greeting', { name: me.displayName })}
          </Typography.Title>
          <Flex gap={8} wrap align="center">
            <Tag color="red">{t(`common:roles.${me.role}`)}</Tag>
            <Typography.Text type="secondary">{t('home.scope', { region })}</Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ margin: 0 }}>{t(`home.roleIntro.${me.role}`)}</Typography.Paragraph>
        </Flex>
      </Card>

      {HOME_CARDS.filter((c) => hasRole(me, c.roles)).map(({ key, element: Cards }) => (
        <Suspense key={key} fallback={<Skeleton active />}>
          <Cards />
        </Suspense>
      ))}

      {counted.length > 0 && (
        <Card title={t('home.counts')}>
          <Typography.Paragraph type="secondary">{t('home.countsHint')}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {counted.map((e) => (
              <Col key={e.key} xs={12} sm={12} md={8} lg={6}>
                <CountCard entry={e} />
              </Col>
            ))}
          </Row>
        </Card>
      )}

      <Card title={t('home.shortcuts')}>
        <Row gutter={[16, 16]}>
          {entries.map((e) => (
            <Col key={e.key} xs={24} sm={12} lg={8}>
              <Link to={e.path}>
                <Card hoverable size="small">
                  <Card.Meta
                    avatar={<span style={{ fontSize: 24, color: '#b71c1c' }}>{e.icon}</span>}
                    title={t(`home.${e.key}`)}
                    description={t(`home.desc.${e.key}`)}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </Flex>
  );
}
