import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { RegionPicker } from '../../../components/RegionPicker';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useListParams } from '../../../lib/useListParams';
import { type User, type UserWithPassword, useRoleCatalog, useRoleName, useUsers } from '../api/users';
import { CreateUserDrawer } from '../components/CreateUserDrawer';
import { OneTimePasswordModal } from '../components/OneTimePasswordModal';
import { UserStatusTags } from '../components/UserStatusTags';

const FILTERS = ['role', 'regionCode', 'status'] as const;

export default function UserListPage() {
  const { t } = useTranslation('users');
  const me = useMe();
  const navigate = useNavigate();
  const list = useListParams(FILTERS);
  const users = useUsers(list.query);
  const catalog = useRoleCatalog();
  const roleName = useRoleName();
  const [search, setSearch] = useState(list.q ?? '');
  useEffect(() => setSearch(list.q ?? ''), [list.q]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<(UserWithPassword & { kind: 'created' }) | null>(null);

  const columns: TableColumnsType<User> = [
    {
      title: t('fields.username'),
      dataIndex: 'username',
      render: (u: string, r) => <Link to={`/users/${r.id}`}>{u}</Link>,
    },
    { title: t('fields.displayName'), dataIndex: 'displayName' },
    {
      title: t('fields.role'),
      dataIndex: 'role',
      render: (role: string) => (
        <Tag color={['sysadmin', 'secadmin', 'auditor'].includes(role) ? 'purple' : 'red'}>{roleName(role)}</Tag>
      ),
    },
    {
      title: t('fields.region'),
      dataIndex: 'regionName',
      responsive: ['md'],
      render: (n: string | null, r) => (
        <Flex vertical>
          <span>{n ?? (r.regionCode || t('wholeCountry'))}</span>
          {(r.organizationName || r.stationName) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.organizationName ?? r.stationName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('fields.status'), key: 'status', render: (_, r) => <UserStatusTags user={r} /> },
    {
      title: t('fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      responsive: ['lg'],
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : t('never')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          can(me, 'users.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => list.set({ q: v.trim() || undefined })}
            placeholder={t('search')}
            style={{ flex: '1 1 200px', maxWidth: 280 }}
            maxLength={100}
          />
          <Select
            allowClear
            value={list.filters.role}
            onChange={(v) => list.set({ role: v })}
            placeholder={t('filters.role')}
            loading={catalog.isLoading}
            options={(catalog.data ?? []).map((r) => ({ value: r.role, label: roleName(r.role) }))}
            style={{ flex: '1 1 160px', maxWidth: 200 }}
          />
          <div style={{ flex: '1 1 220px', maxWidth: 300 }}>
            <RegionPicker
              value={list.filters.regionCode}
              onChange={(code) => list.set({ regionCode: code })}
              placeholder={t('filters.region')}
              maxLevel="township"
            />
          </div>
          <Select
            allowClear
            value={list.filters.status}
            onChange={(v) => list.set({ status: v })}
            placeholder={t('filters.status')}
            options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
            style={{ flex: '1 1 120px', maxWidth: 140 }}
          />
          {(list.q || Object.keys(list.filters).length > 0) && <Button onClick={list.reset}>{t('common:actions.reset')}</Button>}
        </Flex>
        {users.isError && <Alert type="error" showIcon title={errorMessage(users.error)} style={{ marginBottom: 16 }} />}
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={users.data?.items}
          loading={users.isFetching}
          pagination={list.pagination(users.data?.total)}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ onDoubleClick: () => navigate(`/users/${r.id}`) })}
        />
      </Card>
      <CreateUserDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated({ ...result, kind: 'created' });
        }}
      />
      <OneTimePasswordModal
        result={created}
        onClose={() => {
          const id = created?.user.id;
          setCreated(null);
          if (id) void navigate(`/users/${id}`);
        }}
      />
    </>
  );
}
