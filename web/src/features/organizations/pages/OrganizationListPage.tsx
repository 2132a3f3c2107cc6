import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { RegionPicker } from '../../../components/RegionPicker';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useListParams } from '../../../lib/useListParams';
import { type Organization, type OrganizationCategory, type OrganizationKind, useOrganizations } from '../api/organizations';
import { KindSelect } from '../components/KindSelect';
import { StatusTag } from '../components/StatusTag';

const FILTERS = ['regionCode', 'category', 'kind', 'status', 'parentId'] as const;

export default function OrganizationListPage() {
  const { t } = useTranslation('organizations');
  const me = useMe();
  const navigate = useNavigate();
  const list = useListParams(FILTERS);
  const { filters } = list;
  const orgs = useOrganizations(list.query);
  const [search, setSearch] = useState(list.q ?? '');
  useEffect(() => setSearch(list.q ?? ''), [list.q]);

  const columns: TableColumnsType<Organization> = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      render: (name: string, o) => (
        <Flex vertical>
          <Link to={`/organizations/${o.id}`}>{name}</Link>
          {o.shortName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.shortName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('fields.kind'),
      dataIndex: 'kind',
      render: (k: OrganizationKind, o) => <Tag color={o.category === 'congress' ? 'red' : 'blue'}>{t(`kind.${k}`)}</Tag>,
    },
    { title: t('fields.region'), dataIndex: 'regionName', render: (n: string | null, o) => n ?? o.regionCode },
    { title: t('fields.parent'), dataIndex: 'parentName', responsive: ['lg'], render: (n: string | null) => n ?? '—' },
    {
      title: t('fields.contactName'),
      key: 'contact',
      responsive: ['md'],
      render: (_, o) => (o.contactName || o.contactPhone ? [o.contactName, o.contactPhone].filter(Boolean).join(' · ') : '—'),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Organization['status']) => <StatusTag status={s} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          can(me, 'organizations.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/organizations/new')}>
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
            style={{ flex: '1 1 220px', maxWidth: 320 }}
            maxLength={100}
          />
          <div style={{ flex: '1 1 220px', maxWidth: 300 }}>
            <RegionPicker
              value={filters.regionCode}
              onChange={(code) => list.set({ regionCode: code })}
              placeholder={t('filters.region')}
              maxLevel="township"
            />
          </div>
          <Select<OrganizationCategory>
            allowClear
            value={filters.category as OrganizationCategory | undefined}
            onChange={(v) => list.set({ category: v, kind: undefined })}
            placeholder={t('filters.category')}
            style={{ flex: '1 1 140px', maxWidth: 160 }}
            options={(['congress', 'unit'] as const).map((c) => ({ value: c, label: t(`category.${c}`) }))}
          />
          <KindSelect
            allowClear
            category={filters.category as OrganizationCategory | undefined}
            value={filters.kind as OrganizationKind | undefined}
            onChange={(v) => list.set({ kind: v })}
            placeholder={t('filters.kind')}
            style={{ flex: '1 1 160px', maxWidth: 200 }}
          />
          <Select
            allowClear
            value={filters.status}
            onChange={(v) => list.set({ status: v })}
            placeholder={t('filters.status')}
            style={{ flex: '1 1 120px', maxWidth: 140 }}
            options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          {(list.q || Object.keys(filters).length > 0) && <Button onClick={list.reset}>{t('common:actions.reset')}</Button>}
        </Flex>
        {orgs.isError && <Alert type="error" showIcon title={errorMessage(orgs.error)} style={{ marginBottom: 16 }} />}
        <Table<Organization>
          rowKey="id"
          columns={columns}
          dataSource={orgs.data?.items}
          loading={orgs.isFetching}
          pagination={list.pagination(orgs.data?.total)}
          scroll={{ x: 'max-content' }}
          onRow={(o) => ({ onDoubleClick: () => navigate(`/organizations/${o.id}`) })}
        />
      </Card>
    </>
  );
}
