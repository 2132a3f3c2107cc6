import { Alert, App, Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { type Publication, useEditPublication, usePublish, useReloadPublication } from '../api/publications';
import { NAME_SEPARATORS, namesRule } from './names';
import { OriginalReply, PublicationFacts, PublishedReply, UnpublishButton } from './PublicationParts';
import { RedactionCheck } from './RedactionCheck';

interface Values {
  title: string;
  text: string;
  names: string[];
}

const valuesOf = (p: Publication): Values => ({ title: p.title, text: p.text, names: p.names });
const same = (a: Values, b: Values) => a.title === b.title && a.text === b.text && a.names.join('\n') === b.names.join('\n');

/** The original reply next to its public version: editable while not public, read only (and withdrawable) once published. */
export function PublicationEditor({ p }: { p: Publication }) {
  const { t } = useTranslation('suggestionPublication');
  return (
    <>
      <PublicationFacts p={p} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <OriginalReply p={p} />
        </Col>
        <Col xs={24} lg={14}>
          {p.status === 'published' ? (
            <>
              <Alert type="info" showIcon title={t('editor.readonly')} style={{ marginBottom: 12 }} />
              <PublishedReply p={p} />
              <Flex justify="flex-end" style={{ marginTop: 16 }}>
                <UnpublishButton p={p} />
              </Flex>
            </>
          ) : (
            <DraftForm p={p} />
          )}
        </Col>
      </Row>
    </>
  );
}

/**
 * The office edits the public title, text and names to mask, checks the redaction as it types, saves
 * and publishes. The server's refusals (a number or a listed name left, someone else's change) are
 * shown on the form in the user's language.
 */
function DraftForm({ p }: { p: Publication }) {
  const { t } = useTranslation('suggestionPublication');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<{ text: string; stale: boolean }>();
  // The save a publish makes first spins the publish button, not this one.
  const [saving, setSaving] = useState(false);
  const edit = useEditPublication(p.id);
  const publish = usePublish(p.id);
  const reload = useReloadPublication();
  const watched: Values = {
    title: Form.useWatch('title', form) ?? p.title,
    text: Form.useWatch('text', form) ?? p.text,
    names: Form.useWatch('names', form) ?? p.names,
  };
  const dirty = !same(watched, valuesOf(p));

  // A saved or reloaded publication becomes the form's content: the server's trimmed text, the new version.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version says when `p` changed
  useEffect(() => form.setFieldsValue(valuesOf(p)), [p.version, form]);

  const refused = (err: unknown) => {
    const rest = applyServerErrors(form, err);
    const stale = err instanceof ApiError && err.code === 'VERSION_CONFLICT';
    if (rest.length) setProblem({ text: rest.join('；'), stale });
  };

  /** Saves what changed; answers the version the next step must name. */
  const save = async (): Promise<number> => {
    const v = await form.validateFields();
    if (!dirty) return p.version;
    const saved = await edit.mutateAsync({ version: p.version, title: v.title, text: v.text, names: v.names ?? [] });
    return saved.version;
  };

  const onSave = async () => {
    setProblem(undefined);
    setSaving(true);
    try {
      await save();
      void message.success(t('editor.saved'));
    } catch (err) {
      if (err instanceof Error) refused(err); // a form left invalid rejects with its fields, already marked
    } finally {
      setSaving(false);
    }
  };

  const onPublish = () =>
    modal.confirm({
      title: t('editor.publishConfirmTitle'),
      content: t('editor.publishConfirm'),
      okText: t('editor.publish'),
      cancelText: t('common:actions.cancel'),
      onOk: async () => {
        setProblem(undefined);
        try {
          await publish.mutateAsync({ version: await save() });
          void message.success(t('editor.published'));
        } catch (err) {
          if (err instanceof Error) refused(err);
        }
      },
    });

  return (
    <>
      <Form<Values> form={form} layout="vertical" initialValues={valuesOf(p)}>
        <Form.Item
          name="title"
          label={t('fields.title')}
          rules={[{ required: true, whitespace: true, message: t('editor.titleRequired') }]}
        >
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('fields.text')}
          rules={[{ required: true, whitespace: true, message: t('editor.textRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 22 }} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item name="names" label={t('fields.names')} extra={t('create.namesHint')} rules={[namesRule(t)]}>
          <Select mode="tags" open={false} tokenSeparators={NAME_SEPARATORS} placeholder={t('create.namesPlaceholder')} />
        </Form.Item>
      </Form>
      <RedactionCheck
        title={watched.title}
        text={watched.text}
        names={watched.names}
        onApply={(masked) => {
          form.setFieldsValue(masked);
          void message.info(t('check.applied'));
        }}
      />
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('editor.refused', { message: problem.text })}
          action={
            problem.stale && (
              <Button size="small" onClick={() => void reload(p.id)}>
                {t('common:actions.refresh')}
              </Button>
            )
          }
          style={{ marginTop: 12 }}
        />
      )}
      <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 16 }}>
        <Button disabled={!dirty} loading={saving} onClick={() => void onSave()}>
          {t('editor.save')}
        </Button>
        <Button type="primary" loading={publish.isPending || (edit.isPending && !saving)} onClick={onPublish}>
          {t('editor.publish')}
        </Button>
      </Flex>
    </>
  );
}
