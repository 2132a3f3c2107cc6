import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useListParams } from '../../../lib/useListParams';
import { type Region, useRegion, useRegions } from '../api/regions';
import { CommunityFormModal } from '../components/CommunityFormModal';

const LEVEL_COLOR: Record<Region['level'], string> = {
  province: 'red',
  city: 'volcano',
  county: 'orange',
  township: 'blue',
  community: 'green',
};

export default function RegionBrowserPage() {
  const { t } = useTranslation('regions');
  const me = useMe();
  const list = useListParams(['parent'] as const, { pageSize: 50 });
  const parent = list.filters.parent;
  const current = useRegion(parent);
  const regions = useRegions({ parent, q: list.q, page: list.page, pageSize: list.pageSize });
  const [search, setSearch] = useState(list.q ?? '');
  const [modal, setModal] = useState<Parameters<typeof CommunityFormModal>[0]['mode']>(null);
  const mayEdit = can(me, 'regions.create');

  const open = (code: string | undefined) => list.set({ parent: code, q: undefined });
  // Real links, so a level can be opened in a new tab or bookmarked.
  const hrefOf = (code: string | undefined) => (code ? `/regions?parent=${code}` : '/regions');
  useEffect(() => setSearch(list.q ?? ''), [list.q]);

  const crumbs = [
    { key: '', title: <Link to={hrefOf(undefined)}>{t('root')}</Link> },
    ...(current.data?.path ?? []).map((p) => ({ key: p.code, title: <Link to={hrefOf(p.code)}>{p.name}</Link> })),
    ...(current.data ? [{ key: current.data.code, title: current.data.name }] : []),
  ];

  const columns: TableColumnsType<Region> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Space size={4} wrap>
          {r.hasChildren ? <Link to={hrefOf(r.code)}>{name}</Link> : name}
          {r.isGrouping && <Tag>{t('grouping')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('columns.code'),
      dataIndex: 'code',
      width: 150,
      render: (c: string) => (
        <Typography.Text code copyable={{ text: c }}>
          {c}
        </Typography.Text>
      ),
    },
    {
      title: t('columns.level'),
      dataIndex: 'level',
      width: 120,
      render: (l: Region['level']) => <Tag color={LEVEL_COLOR[l]}>{t(`common:regionLevel.${l}`)}</Tag>,
    },
    {
      title: t('columns.pinyin'),
      dataIndex: 'namePinyin',
      responsive: ['md'],
      render: (p: string, r) => (
        <Typography.Text type="secondary">
          {p}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({r.nameInitials})
          </Typography.Text>
        </Typography.Text>
      ),
    },
    ...(list.q
      ? [
          {
            title: t('columns.path'),
            key: 'path',
            responsive: ['sm' as const],
            render: (_: unknown, r: Region) => (
              <Typography.Text type="secondary">
                {r.path
                  .filter((p) => !p.isGrouping)
                  .map((p) => p.name)
                  .join(' / ')}
              </Typography.Text>
            ),
          },
        ]
      : []),
    {
      title: t('columns.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) => (
        <Space size={0}>
          {r.hasChildren && (
            <Button type="link" size="small" onClick={() => open(r.code)}>
              {t('children')} <RightOutlined />
            </Button>
          )}
          {mayEdit && r.level === 'community' && (
            <Button type="link" size="small" onClick={() => setModal({ kind: 'rename', community: r })}>
              {t('rename')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const here = current.data;
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        breadcrumb={crumbs}
        extra={
          mayEdit &&
          here?.level === 'township' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'add', township: here })}>
              {t('addCommunity')}
            </Button>
          )
        }
      />
      {here && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: 'name', label: t('current'), children: here.name },
              { key: 'code', label: t('columns.code'), children: <Typography.Text code>{here.code}</Typography.Text> },
              { key: 'level', label: t('columns.level'), children: t(`common:regionLevel.${here.level}`) },
              { key: 'count', label: t('childCount'), children: here.childCount },
            ]}
          />
        </Card>
      )}
      {current.isError && <Alert type="error" showIcon title={errorMessage(current.error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => list.set({ q: v.trim() || undefined })}
            placeholder={t('search')}
            enterButton={t('common:actions.search')}
            style={{ maxWidth: 480, flex: '1 1 240px' }}
            maxLength={100}
          />
          {list.q && (
            <Button
              onClick={() => {
                setSearch('');
                list.set({ q: undefined });
              }}
            >
              {t('clearSearch')}
            </Button>
          )}
        </Flex>
        {list.q && <Typography.Paragraph type="secondary">{t('searchResults', { q: list.q })}</Typography.Paragraph>}
        {regions.isError && <Alert type="error" showIcon title={errorMessage(regions.error)} style={{ marginBottom: 16 }} />}
        <Table<Region>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={regions.data?.items}
          loading={regions.isFetching}
          pagination={list.pagination(regions.data?.total)}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <CommunityFormModal mode={modal} onClose={() => setModal(null)} />
    </>
  );
}
