import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { useRemoveMember, useSetMember } from '../api/stations';
import { MEMBER_ROLES, type MemberRole, type StationDetail, type StationMember } from '../api/types';
import { AddMemberModal } from './AddMemberModal';
import { LevelTag, RoleTag } from './StationTags';

const ROLE_ORDER: Record<MemberRole, number> = { head: 0, deputy_head: 1, member: 2 };

/** The deputies grouped into the station (编组进站); the office adds, re-roles and removes them. */
export function MembersCard({ station, canManage }: { station: StationDetail; canManage: boolean }) {
  const { t } = useTranslation('stations');
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const setMember = useSetMember(station.id);
  const remove = useRemoveMember(station.id);
  const members = [...station.members].sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'zh-CN'),
  );

  const changeRole = (m: StationMember, role: MemberRole) =>
    setMember.mutate(
      { deputyId: m.deputyId, role },
      {
        onSuccess: () => void message.success(t('members.roleChanged', { name: m.name, role: t(`role.${role}`) })),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  const columns: TableColumnsType<StationMember> = [
    {
      key: 'name',
      title: t('members.name'),
      fixed: 'left',
      width: 100,
      render: (_, m) => <Link to={`/deputies/${m.deputyId}`}>{m.name}</Link>,
    },
    {
      key: 'role',
      title: t('members.role'),
      width: 130,
      render: (_, m) =>
        canManage ? (
          <Select<MemberRole>
            size="small"
            value={m.role}
            style={{ width: 110 }}
            aria-label={t('members.changeRole', { name: m.name })}
            disabled={setMember.isPending}
            onChange={(role) => changeRole(m, role)}
            options={MEMBER_ROLES.map((r) => ({ value: r, label: <RoleTag role={r} /> }))}
          />
        ) : (
          <RoleTag role={m.role} />
        ),
    },
    { key: 'level', title: t('members.level'), width: 110, render: (_, m) => <LevelTag level={m.level} /> },
    { key: 'term', title: t('members.term'), width: 80, render: (_, m) => t('termValue', { term: m.term }) },
    { key: 'group', title: t('members.deputyGroup'), width: 160, render: (_, m) => m.deputyGroup ?? '—' },
    {
      key: 'phone',
      title: t('members.phone'),
      width: 130,
      render: (_, m) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{m.phoneMasked ?? '—'}</span>,
    },
    { key: 'joined', title: t('members.joinedOn'), width: 110, render: (_, m) => m.joinedOn ?? '—' },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('list.actions'),
      width: 80,
      render: (_, m) => (
        <Popconfirm
          title={t('members.removeTitle', { name: m.name })}
          description={t('members.removeText')}
          okText={t('members.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common:actions.cancel')}
          onConfirm={() =>
            remove.mutateAsync(m.deputyId).then(
              () => void message.success(t('members.removed', { name: m.name })),
              (err) => void message.error(errorMessage(err)),
            )
          }
        >
          <Button type="link" danger size="small" style={{ paddingInline: 0 }}>
            {t('members.remove')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <span>{t('members.title')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('members.count', { count: station.members.length })}
          </Typography.Text>
        </Flex>
      }
      extra={
        canManage && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('members.add')}
          </Button>
        )
      }
    >
      <Table<StationMember>
        rowKey="deputyId"
        size="small"
        columns={columns}
        dataSource={members}
        pagination={members.length > 20 ? { defaultPageSize: 20, showSizeChanger: true } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('members.none') }}
      />
      {canManage && <AddMemberModal station={station} open={adding} onClose={() => setAdding(false)} />}
    </Card>
  );
}
