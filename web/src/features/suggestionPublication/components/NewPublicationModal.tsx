import { Alert, App, Button, Empty, Flex, Form, Modal, Radio, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { useHandling } from '../../suggestions/api/handling';
import type { Reply } from '../../suggestions/api/handlingTypes';
import type { SuggestionItem } from '../../suggestions/api/types';
import { fmtDate } from '../../suggestions/components/format';
import { findPublicationOfReply, useDraftPublication, useRepliedSuggestions } from '../api/publications';
import { ReplyClassTag } from './format';
import { NAME_SEPARATORS, namesRule } from './names';
import { RedactionCheck } from './RedactionCheck';

interface Values {
  suggestionId?: string;
  replyId?: string;
  names: string[];
}

/** Names that may appear in a reply and that the office may want masked: offered, never chosen for it. */
const likelyNames = (s: SuggestionItem | undefined, r: Reply | undefined) =>
  [s?.leadDeputy.name, r?.signerName, r?.contactName].filter((n): n is string => !!n && [...n].length >= 2);

/** The year a suggestion is counted in: its submission's, China time (the server's yearOf). */
const chinaYear = (iso: string | null | undefined) =>
  iso ? Number(new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 4)) : undefined;

/** The replies a publication can start from: those sent to the deputy, newest first. */
const sentReplies = (replies: Reply[] | undefined) =>
  (replies ?? []).filter((r) => r.status === 'sent').sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''));

/**
 * The office picks a replied suggestion and one of its sent replies (POST wants the reply), lists the
 * names to mask and sees the masked text before the draft is made.
 */
export function NewPublicationModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation('suggestionPublication');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [problem, setProblem] = useState<{ text: string; existing?: string }>();
  const [picked, setPicked] = useState<SuggestionItem>();
  const suggestions = useRepliedSuggestions(q);
  const found = suggestions.data?.items ?? [];
  const suggestionId = Form.useWatch('suggestionId', form);
  const replyId = Form.useWatch('replyId', form);
  const names = Form.useWatch('names', form) ?? [];
  const handling = useHandling(suggestionId ?? '', !!suggestionId);
  const replies = sentReplies(handling.data?.replies);
  const reply = replies.find((r) => r.id === replyId);
  const draft = useDraftPublication();

  const pickSuggestion = (id: string) => {
    setPicked(found.find((s) => s.id === id));
    setProblem(undefined);
    form.setFieldValue('replyId', undefined);
  };
  // The newest sent reply is the usual choice; choosing it spares a click.
  const newest = handling.data?.suggestionId === suggestionId ? replies[0]?.id : undefined;
  useEffect(() => {
    if (newest && !form.getFieldValue('replyId')) form.setFieldValue('replyId', newest);
  }, [newest, form]);

  const submit = async (v: Values) => {
    setProblem(undefined);
    const replyId = v.replyId as string;
    try {
      const made = await draft.mutateAsync({ replyId, names: v.names ?? [] });
      void message.success(t('create.created'));
      onCreated(made.id);
    } catch (err) {
      const rest = applyServerErrors(form, err);
      if (!rest.length) return;
      const already = err instanceof ApiError && err.code === 'ALREADY_DRAFTED';
      setProblem({ text: rest.join('；') });
      // The office most likely wants the draft made before: offer to open it.
      if (already) {
        const existing = await findPublicationOfReply(replyId, chinaYear(picked?.submittedAt)).catch(() => undefined);
        if (existing) setProblem({ text: rest.join('；'), existing });
      }
    }
  };

  // The chosen suggestion stays an option while another search runs, so its title stays shown.
  const options = (picked && !found.some((s) => s.id === picked.id) ? [picked, ...found] : found).map((s) => ({
    value: s.id,
    label: (
      <Flex vertical style={{ minWidth: 0 }}>
        <Typography.Text ellipsis>{s.title}</Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {[s.number ? t('create.number', { number: s.number }) : null, s.congress.name, s.leadDeputy.name]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </Flex>
    ),
    title: s.title,
  }));

  return (
    <Modal
      open
      title={t('create.title')}
      okText={t('create.submit')}
      cancelText={t('common:actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={draft.isPending}
      okButtonProps={{ disabled: !reply }}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('create.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ names: [] }} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="suggestionId"
          label={t('create.suggestion')}
          rules={[{ required: true, message: t('create.suggestionRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('create.suggestionPlaceholder')}
            options={options}
            optionLabelProp="title"
            loading={suggestions.isFetching}
            notFoundContent={suggestions.isFetching ? <Spin size="small" /> : <Empty description={t('create.noMatch')} />}
            onChange={pickSuggestion}
          />
        </Form.Item>
        {suggestionId && handling.isLoading && <Spin style={{ display: 'block', marginBottom: 24 }} />}
        {suggestionId && !handling.isLoading && replies.length === 0 && (
          <Alert
            type="info"
            showIcon
            title={handling.error ? errorMessage(handling.error) : t('create.noSentReply')}
            style={{ marginBottom: 24 }}
          />
        )}
        {replies.length > 0 && (
          <Form.Item name="replyId" label={t('create.reply')} rules={[{ required: true, message: t('create.replyRequired') }]}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              {replies.map((r) => (
                <Radio key={r.id} value={r.id}>
                  <Flex gap={6} wrap align="center">
                    <span>{r.unit.name}</span>
                    <ReplyClassTag cls={r.replyClass} />
                    <Typography.Text type="secondary">
                      {t('create.round', { round: r.round })} · {t('create.sentOn', { date: fmtDate(r.sentAt) })}
                    </Typography.Text>
                  </Flex>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item name="names" label={t('create.names')} extra={t('create.namesHint')} rules={[namesRule(t)]}>
          <Select
            mode="tags"
            tokenSeparators={NAME_SEPARATORS}
            placeholder={t('create.namesPlaceholder')}
            options={likelyNames(picked, reply).map((n) => ({ value: n, label: n }))}
          />
        </Form.Item>
      </Form>
      {reply && <RedactionCheck draft text={reply.text} names={names} />}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={t('editor.refused', { message: problem.text })}
          action={
            problem.existing && (
              <Button size="small" onClick={() => onCreated(problem.existing as string)}>
                {t('create.openExisting')}
              </Button>
            )
          }
          style={{ marginTop: 12 }}
        />
      )}
    </Modal>
  );
}
