import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { fmtDateTime } from '../../suggestions/components/format';
import { type Publication, useUnpublish } from '../api/publications';
import { StatusTag } from './format';

/** Where the publication stands, and the links to the suggestion and to what the public sees. */
export function PublicationFacts({ p }: { p: Publication }) {
  const { t } = useTranslation('suggestionPublication');
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'status', label: t('fields.status'), children: <StatusTag status={p.status} /> },
          { key: 'unit', label: t('fields.unit'), children: p.unitName },
          {
            key: 'class',
            label: t('fields.replyClass'),
            children: p.replyClass ? t(`replyClass.${p.replyClass}`) : '—',
          },
          { key: 'year', label: t('fields.year'), children: p.year },
          ...(p.publishedAt ? [{ key: 'at', label: t('fields.publishedAt'), children: fmtDateTime(p.publishedAt) }] : []),
        ]}
      />
      <Flex gap={12} wrap style={{ margin: '8px 0 12px' }}>
        <Link to={`/suggestions/${p.suggestionId}`}>{t('editor.viewSuggestion')}</Link>
        {p.status === 'published' && (
          <a href={`/public/suggestion-replies/${p.id}`} target="_blank" rel="noopener">
            {t('editor.viewPublic')} <ExportOutlined />
          </a>
        )}
      </Flex>
      {p.status === 'unpublished' && p.unpublishedAt && (
        <Alert
          type="warning"
          showIcon
          title={t('editor.withdrawnNote', { date: fmtDateTime(p.unpublishedAt), reason: p.unpublishReason ?? '—' })}
          style={{ marginBottom: 12 }}
        />
      )}
    </>
  );
}

/** The reply as the unit sent it, beside the public version: read only, and never public. */
export function OriginalReply({ p }: { p: Publication }) {
  const { t } = useTranslation('suggestionPublication');
  return (
    <Card size="small" title={t('editor.original')} styles={{ body: { background: '#fafafa' } }}>
      <Typography.Text type="secondary">{t('editor.originalTitle')}</Typography.Text>
      <Typography.Paragraph strong style={{ marginTop: 2 }}>
        {p.original?.title || '—'}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('editor.originalText')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 2, marginBottom: 0 }}>
        {p.original?.text || '—'}
      </Typography.Paragraph>
    </Card>
  );
}

/** What the public reads now, legible (a disabled form would grey it out). */
export function PublishedReply({ p }: { p: Publication }) {
  const { t } = useTranslation('suggestionPublication');
  return (
    <Card size="small" title={t('editor.redacted')}>
      <Typography.Text type="secondary">{t('fields.title')}</Typography.Text>
      <Typography.Paragraph strong style={{ marginTop: 2 }}>
        {p.title}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('fields.text')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 2 }}>{p.text}</Typography.Paragraph>
      {p.names.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('fields.names')}</Typography.Text>
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            {p.names.map((n) => (
              <Tag key={n} style={{ marginInlineEnd: 0 }}>
                {n}
              </Tag>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}

/** Takes a published reply off the public page, with the reason the timeline records. */
export function UnpublishButton({ p }: { p: Publication }) {
  const { t } = useTranslation('suggestionPublication');
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ reason: string }>();
  const unpublish = useUnpublish(p.id);

  const submit = async ({ reason }: { reason: string }) => {
    setProblem(undefined);
    try {
      await unpublish.mutateAsync({ reason });
      setOpen(false);
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };

  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('editor.unpublish')}
      </Button>
      <Modal
        open={open}
        title={t('editor.unpublishTitle')}
        okText={t('editor.unpublish')}
        okButtonProps={{ danger: true }}
        cancelText={t('common:actions.cancel')}
        confirmLoading={unpublish.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('editor.unpublishHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
          <Form.Item
            name="reason"
            label={t('editor.unpublishReason')}
            rules={[{ required: true, whitespace: true, message: t('editor.unpublishReasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
        {problem && <Alert type="error" showIcon title={t('editor.refused', { message: problem })} />}
      </Modal>
    </>
  );
}
