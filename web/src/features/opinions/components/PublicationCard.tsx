import { Alert, App, Button, Card, Flex, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { type PublishInput, usePublication, usePublish, useWithdraw } from '../api/publication';
import '../publication.strings';

/**
 * 公开 on a closed case (office staff): the automatically redacted draft to read and edit, published
 * only with the constituent's consent; withdrawn with a reason. The server redacts again on saving.
 */
export function PublicationCard({ opinionId }: { opinionId: string }) {
  const { t, i18n } = useTranslation('opinions');
  const { message } = App.useApp();
  const pub = usePublication(opinionId, true);
  const publish = usePublish(opinionId);
  const withdraw = useWithdraw(opinionId);
  const [form] = Form.useForm<PublishInput>();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const p = pub.data;

  useEffect(() => {
    if (p) form.setFieldsValue({ title: p.draft.title, text: p.draft.text, reply: p.draft.reply });
  }, [p, form]);

  if (pub.isLoading)
    return (
      <Card title={t('publication.title')}>
        <Skeleton active title={false} />
      </Card>
    );
  if (!p) return null;
  const refusal = p.refusal ? (i18n.language === 'en' ? p.refusal.en : p.refusal.zh) : null;
  const found = Object.entries(p.found)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => t('publication.count', { kind: t(`publication.kinds.${kind}`), n }))
    .join('、');

  async function submit(v: PublishInput) {
    await publish.mutateAsync({ title: v.title, text: v.text, reply: v.reply?.trim() || null });
    void message.success(t('publication.done'));
  }

  return (
    <Card
      title={t('publication.title')}
      extra={p.published ? <Tag color="green">{t('publication.published')}</Tag> : <Tag>{t('publication.unpublished')}</Tag>}
    >
      {refusal ? (
        <Typography.Text type="secondary">{refusal}</Typography.Text>
      ) : (
        <>
          {p.publishedAt && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('publication.publishedAt', { at: dayjs(p.publishedAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('publication.hint')}
          </Typography.Paragraph>
          {found && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('publication.found', { list: found })} />}
          {(publish.error || withdraw.error) && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorMessage(publish.error ?? withdraw.error)} />
          )}
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
            <Form.Item
              name="title"
              label={t('publication.pubTitle')}
              rules={[{ required: true, whitespace: true, message: t('publication.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="text"
              label={t('publication.pubText')}
              rules={[{ required: true, whitespace: true, message: t('publication.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={3000} />
            </Form.Item>
            <Form.Item name="reply" label={t('publication.pubReply')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
            <Flex gap={8} wrap>
              <Button type="primary" htmlType="submit" loading={publish.isPending}>
                {p.published ? t('publication.save') : t('publication.publish')}
              </Button>
              {p.published && (
                <Button danger onClick={() => setWithdrawing(true)}>
                  {t('publication.withdraw')}
                </Button>
              )}
            </Flex>
          </Form>
        </>
      )}
      <Modal
        open={withdrawing}
        title={t('publication.withdraw')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: withdraw.isPending }}
        onCancel={() => setWithdrawing(false)}
        onOk={() =>
          void withdraw
            .mutateAsync(reason.trim())
            .then(() => {
              setWithdrawing(false);
              setReason('');
              void message.success(t('publication.withdrawn'));
            })
            .catch(() => undefined)
        }
      >
        <Input.TextArea
          aria-label={t('publication.withdrawReason')}
          placeholder={t('publication.withdrawReason')}
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
