import { Alert, App, Button, Card, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useAnswerInvitation } from '../api/suggestions';
import type { Suggestion } from '../api/types';

/** 联名邀请: the invited deputy confirms or declines (with an optional reason), in one tap on a phone. */
export function InvitationCard({ s }: { s: Suggestion }) {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const answer = useAnswerInvitation(s.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const status = s.me.cosignerStatus;

  if (!s.me.answerInvitation) {
    if (status === 'confirmed' || status === 'declined')
      return <Alert type={status === 'confirmed' ? 'success' : 'info'} showIcon title={t(`invitation.${status}`)} />;
    return null;
  }
  const send = (decision: 'confirm' | 'decline') =>
    answer.mutate(
      { decision, reason: decision === 'decline' ? reason.trim() || null : null },
      {
        onSuccess: () => {
          void message.success(t(decision === 'confirm' ? 'invitation.confirmed' : 'invitation.declined'));
          setDeclining(false);
        },
      },
    );

  return (
    <Card title={t('invitation.title')} style={{ borderColor: '#faad14' }}>
      <Flex vertical gap={12}>
        <Typography.Text>{t('invitation.hint', { lead: s.leadDeputy.name, kind: t(`kind.${s.kind}`) })}</Typography.Text>
        {/* Until the lead deputy submits, the answer may still be changed. */}
        {status !== 'invited' && status !== null && (
          <Alert type={status === 'confirmed' ? 'success' : 'info'} showIcon title={t(`invitation.${status}`)} />
        )}
        {answer.error && <Alert type="error" showIcon title={errorMessage(answer.error)} />}
        <Flex gap={8}>
          {status !== 'confirmed' && (
            <Button type="primary" block loading={answer.isPending && !declining} onClick={() => send('confirm')}>
              {t('invitation.confirm')}
            </Button>
          )}
          {status !== 'declined' && (
            <Button danger block onClick={() => setDeclining(true)}>
              {t('invitation.decline')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Modal
        open={declining}
        title={t('invitation.decline')}
        okButtonProps={{ danger: true }}
        confirmLoading={answer.isPending}
        onOk={() => send('decline')}
        onCancel={() => setDeclining(false)}
      >
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('invitation.declineReason')}
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
      </Modal>
    </Card>
  );
}
