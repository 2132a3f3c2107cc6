import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useDecideExtension } from '../api/opinions';
import type { Extension } from '../api/types';

/** 审批延期: the office approves or refuses a unit's request, with a note. */
export function ExtensionDecisionModal({
  opinionId,
  extension,
  onClose,
}: {
  opinionId: string;
  extension: Extension | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const decide = useDecideExtension(opinionId);

  const run = (approve: boolean) => {
    if (!extension) return;
    decide.mutate(
      { extId: extension.id, approve, note: note.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('form.decided'));
          setNote('');
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={!!extension}
      title={t('detail.extensions')}
      onCancel={() => {
        decide.reset();
        onClose();
      }}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button danger loading={decide.isPending && decide.variables?.approve === false} onClick={() => run(false)}>
            {t('form.refuse')}
          </Button>
          <Button type="primary" loading={decide.isPending && decide.variables?.approve === true} onClick={() => run(true)}>
            {t('form.approve')}
          </Button>
        </Flex>
      }
    >
      {extension && (
        <Flex vertical gap={12}>
          <Typography.Text strong>{t('detail.extensionLine', { days: extension.requestedDays })}</Typography.Text>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{extension.reason}</Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={t('form.decisionNote')} style={{ marginBottom: 0 }}>
              <Input.TextArea
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
                showCount
                autoSize={{ minRows: 2, maxRows: 5 }}
                placeholder={t('form.notePlaceholder')}
              />
            </Form.Item>
          </Form>
          {decide.error && <Alert type="error" showIcon title={t('panel.conflict', { message: errorMessage(decide.error) })} />}
        </Flex>
      )}
    </Modal>
  );
}
