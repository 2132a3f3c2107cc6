import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { ADMIN_ROLES, can } from '../../../lib/policies';
import { type UserWithPassword, useResetPassword, useRoleName, useUnlockUser, useUpdateUser, useUser } from '../api/users';
import { ChangeRoleModal } from '../components/ChangeRoleModal';
import { EditUserModal } from '../components/EditUserModal';
import { OneTimePasswordModal } from '../components/OneTimePasswordModal';
import { UserStatusTags } from '../components/UserStatusTags';

const when = (v: string | null, never: string) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : never);

export default function UserDetailPage() {
  const { t } = useTranslation('users');
  const { id = '' } = useParams<{ id: string }>();
  const me = useMe();
  const { message } = App.useApp();
  const user = useUser(id);
  const roleName = useRoleName();
  const update = useUpdateUser(id);
  const reset = useResetPassword(id);
  const unlock = useUnlockUser(id);
  const [editing, setEditing] = useState(false);
  const [changingRole, setChangingRole] = useState(false);
  const [password, setPassword] = useState<(UserWithPassword & { kind: 'reset' }) | null>(null);

  if (user.isError) {
    return (
      <>
        <PageHeader title={t('detailTitle')} back="/users" />
        <Alert type="error" showIcon title={errorMessage(user.error)} />
      </>
    );
  }
  const u = user.data;
  if (!u) return <Skeleton active />;

  const self = u.id === me.id;
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const actions = [
    can(me, 'users.update') && (
      <Button key="edit" onClick={() => setEditing(true)}>
        {t('actions.edit')}
      </Button>
    ),
    can(me, 'users.update') && !self && (
      <Popconfirm
        key="status"
        title={t(u.status === 'active' ? 'confirm.disable' : 'confirm.enable', { name: u.displayName })}
        onConfirm={() =>
          run(
            () => update.mutateAsync({ status: u.status === 'active' ? 'disabled' : 'active' }),
            t(u.status === 'active' ? 'done.disabled' : 'done.enabled'),
          )
        }
      >
        <Button danger={u.status === 'active'} loading={update.isPending}>
          {t(u.status === 'active' ? 'actions.disable' : 'actions.enable')}
        </Button>
      </Popconfirm>
    ),
    // Administrators' passwords are never reset here (users.policy.ts assertMayResetPassword).
    can(me, 'users.resetPassword') && !self && !ADMIN_ROLES.includes(u.role) && (
      <Popconfirm
        key="reset"
        title={t('confirm.resetPassword', { name: u.displayName })}
        onConfirm={async () => {
          try {
            const result = await reset.mutateAsync(undefined);
            setPassword({ ...result, kind: 'reset' });
          } catch (err) {
            void message.error(errorMessage(err));
          }
        }}
      >
        <Button loading={reset.isPending}>{t('actions.resetPassword')}</Button>
      </Popconfirm>
    ),
    can(me, 'users.changeRole') && !self && (
      <Button key="role" onClick={() => setChangingRole(true)}>
        {t('actions.changeRole')}
      </Button>
    ),
    can(me, 'users.unlock') && u.locked && (
      <Popconfirm
        key="unlock"
        title={t('confirm.unlock', { name: u.displayName })}
        onConfirm={() => run(() => unlock.mutateAsync(undefined), t('done.unlocked'))}
      >
        <Button type="primary" loading={unlock.isPending}>
          {t('actions.unlock')}
        </Button>
      </Popconfirm>
    ),
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        back="/users"
        title={
          <Flex gap={8} align="center" wrap>
            {u.displayName}
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
              {u.username}
            </Typography.Text>
          </Flex>
        }
        extra={actions}
      />
      <Card>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'role', label: t('fields.role'), children: <Tag color="red">{roleName(u.role)}</Tag> },
            { key: 'status', label: t('fields.status'), children: <UserStatusTags user={u} /> },
            {
              key: 'region',
              label: t('fields.region'),
              children: u.regionCode ? `${u.regionName ?? ''}（${u.regionCode}）` : t('wholeCountry'),
            },
            ...(u.organizationId
              ? [{ key: 'org', label: t('fields.organization'), children: u.organizationName ?? u.organizationId }]
              : []),
            ...(u.stationId ? [{ key: 'station', label: t('fields.station'), children: u.stationName ?? u.stationId }] : []),
            ...(u.personId
              ? [
                  {
                    key: 'person',
                    label: t('fields.person'),
                    children: (
                      <>
                        {u.personName ?? '—'}
                        <Typography.Text
                          type="secondary"
                          copyable={{ text: u.personId }}
                          style={{ marginInlineStart: 8, fontSize: 12 }}
                        >
                          {t('personIdLabel')}
                        </Typography.Text>
                      </>
                    ),
                  },
                ]
              : []),
            { key: 'phone', label: t('fields.phone'), children: u.phone ?? '—' },
            { key: 'lastLogin', label: t('fields.lastLoginAt'), children: when(u.lastLoginAt, t('never')) },
            { key: 'pw', label: t('fields.passwordChangedAt'), children: when(u.passwordChangedAt, t('never')) },
            { key: 'failed', label: t('fields.failedLogins'), children: u.failedLogins },
            ...(u.locked ? [{ key: 'locked', label: t('fields.lockedUntil'), children: when(u.lockedUntil, '—') }] : []),
            { key: 'created', label: t('fields.createdAt'), children: when(u.createdAt, '—') },
            { key: 'updated', label: t('fields.updatedAt'), children: when(u.updatedAt, '—') },
          ]}
        />
      </Card>
      <EditUserModal user={u} open={editing} onClose={() => setEditing(false)} />
      <ChangeRoleModal user={u} open={changingRole} onClose={() => setChangingRole(false)} />
      <OneTimePasswordModal result={password} onClose={() => setPassword(null)} />
    </>
  );
}
