import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useCongresses } from '../api/congresses';
import { useInvite, useUninvite } from '../api/suggestions';
import type { CosignerStatus, Suggestion } from '../api/types';
import { CosignerSelect } from './CosignerSelect';
import { fmtDateTime } from './format';

const COLOR: Record<CosignerStatus, string> = { invited: 'gold', confirmed: 'success', declined: 'error' };

function InviteButton({ s }: { s: Suggestion }) {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [ids, setIds] = useState<string[]>([]);
  const congresses = useCongresses();
  const congress = congresses.data?.items.find((c) => c.id === s.congressId);
  const invite = useInvite(s.id);
  return (
    <>
      <Button size="small" icon={<UserAddOutlined />} onClick={() => setOpen(true)}>
        {t('detail.invite')}
      </Button>
      <Modal
        open={open}
        title={t('detail.inviteTitle')}
        okButtonProps={{ disabled: ids.length === 0 }}
        confirmLoading={invite.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          invite.mutate(ids, {
            onSuccess: () => {
              void message.success(t('detail.invited'));
              setIds([]);
              setOpen(false);
            },
          })
        }
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('form.cosignerHint')}</Typography.Paragraph>
        <CosignerSelect
          congress={congress}
          excludeIds={[s.leadDeputy.id, ...s.cosigners.map((c) => c.deputyId)]}
          value={ids}
          onChange={setIds}
        />
        {invite.error && <Alert type="error" showIcon title={errorMessage(invite.error)} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}

/** 联名代表: who was invited, who answered what; the lead deputy invites and takes back invitations here. */
export function CosignersCard({ s }: { s: Suggestion }) {
  const { t } = useTranslation('suggestions');
  const uninvite = useUninvite(s.id);
  const confirmed = s.cosigners.filter((c) => c.status === 'confirmed' && c.serving).length;
  return (
    <Card title={t('detail.cosigners')} extra={s.me.invite && <InviteButton s={s} />}>
      {s.kind === 'motion' && !s.byDelegation && (
        <Alert
          type={confirmed >= s.motionMinSigners ? 'success' : 'warning'}
          showIcon
          title={t('detail.motionThreshold', { min: s.motionMinSigners, have: confirmed })}
          style={{ marginBottom: 12 }}
        />
      )}
      {uninvite.error && <Alert type="error" showIcon title={errorMessage(uninvite.error)} style={{ marginBottom: 12 }} />}
      {s.cosigners.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noCosigners')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={s.cosigners}
          header={
            <Typography.Text type="secondary">
              {t('detail.cosignersCount', { confirmed, total: s.cosigners.length })}
            </Typography.Text>
          }
          renderItem={(c) => (
            <List.Item
              style={{ paddingInline: 0 }}
              actions={
                s.me.invite
                  ? [
                      <Popconfirm key="rm" title={t('detail.remove')} onConfirm={() => uninvite.mutate(c.deputyId)}>
                        <Button type="link" size="small" danger>
                          {t('detail.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <Tag color={COLOR[c.status]} style={{ marginInlineEnd: 0 }}>
                    {t(`cosignerStatus.${c.status}`)}
                  </Tag>
                  {!c.serving && <Tag color="default">{t('detail.notServing')}</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtDateTime(c.respondedAt ?? c.invitedAt)}
                </Typography.Text>
                {c.declineReason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('detail.declineReason', { reason: c.declineReason })}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
