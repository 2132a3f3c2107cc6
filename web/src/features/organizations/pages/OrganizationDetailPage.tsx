import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { type OrganizationDetail, useOrganization, useSaveOrganization } from '../api/organizations';
import { StatusTag } from '../components/StatusTag';

type Account = NonNullable<OrganizationDetail['accounts']>[number];

export default function OrganizationDetailPage() {
  const { t } = useTranslation('organizations');
  const { id } = useParams<{ id: string }>();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const org = useOrganization(id);
  const save = useSaveOrganization(id);
  const mayWrite = can(me, 'organizations.update');

  if (org.isError) {
    return (
      <>
        <PageHeader title={t('title')} back="/organizations" />
        <Alert type="error" showIcon title={errorMessage(org.error)} />
      </>
    );
  }
  const o = org.data;
  if (!o) return <Skeleton active />;

  const toggle = async () => {
    try {
      await save.mutateAsync({ status: o.status === 'active' ? 'inactive' : 'active' });
      void message.success(t('saved'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const dash = (v: string | null) => v || '—';
  return (
    <>
      <PageHeader
        back="/organizations"
        title={
          <Flex gap={8} align="center" wrap>
            {o.name} <StatusTag status={o.status} />
          </Flex>
        }
        subtitle={o.shortName ?? undefined}
        extra={
          mayWrite && (
            <>
              <Popconfirm
                title={t(o.status === 'active' ? 'deactivateConfirm' : 'activateConfirm', { name: o.name })}
                onConfirm={toggle}
                okText={t('common:actions.confirm')}
                cancelText={t('common:actions.cancel')}
              >
                <Button danger={o.status === 'active'} loading={save.isPending}>
                  {t(o.status === 'active' ? 'deactivate' : 'activate')}
                </Button>
              </Popconfirm>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/organizations/${o.id}/edit`)}>
                {t('common:actions.edit')}
              </Button>
            </>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            column={{ xs: 1, sm: 1, md: 2 }}
            items={[
              { key: 'category', label: t('fields.category'), children: t(`category.${o.category}`) },
              {
                key: 'kind',
                label: t('fields.kind'),
                children: <Tag color={o.category === 'congress' ? 'red' : 'blue'}>{t(`kind.${o.kind}`)}</Tag>,
              },
              {
                key: 'region',
                label: t('fields.region'),
                children: o.regionName ? `${o.regionName}（${o.regionCode}）` : o.regionCode,
              },
              {
                key: 'parent',
                label: t('fields.parent'),
                children: o.parentId ? <Link to={`/organizations/${o.parentId}`}>{o.parentName ?? o.parentId}</Link> : '—',
              },
              { key: 'contactName', label: t('fields.contactName'), children: dash(o.contactName) },
              { key: 'contactPhone', label: t('fields.contactPhone'), children: dash(o.contactPhone) },
              { key: 'address', label: t('fields.address'), children: dash(o.address), span: { xs: 1, md: 2 } },
              {
                key: 'children',
                label: t('fields.childCount'),
                children:
                  o.childCount > 0 ? (
                    <Link to={`/organizations?parentId=${o.id}`}>{`${o.childCount} · ${t('children')}`}</Link>
                  ) : (
                    0
                  ),
              },
              { key: 'updatedAt', label: t('fields.updatedAt'), children: dayjs(o.updatedAt).format('YYYY-MM-DD HH:mm') },
            ]}
          />
        </Card>
        {o.accounts && (
          <Card title={t('accounts')}>
            <Table<Account>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={o.accounts}
              locale={{ emptyText: t('accountsNone') }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('accountColumns.username'), dataIndex: 'username' },
                { title: t('accountColumns.displayName'), dataIndex: 'displayName' },
                { title: t('accountColumns.role'), dataIndex: 'role', render: (r: string) => t(`common:roles.${r}`) },
                {
                  title: t('accountColumns.status'),
                  dataIndex: 'status',
                  render: (s: string) => (
                    <Tag color={s === 'active' ? 'green' : 'default'}>{t(`accountStatus.${s}`, { defaultValue: s })}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Flex>
    </>
  );
}
