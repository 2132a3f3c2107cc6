import { Alert, App, Button, Form, type FormInstance, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { type Sheet, useEnterScores } from '../api/awards';

interface Values {
  scores: Record<string, number | null | undefined>;
}

/** A reviewer's scores of one suggestion against the year's saved sheet: one number per criterion. */
export function ScoreButton({
  congressId,
  year,
  sheet,
  suggestion,
}: {
  congressId: string;
  year: number;
  sheet: Sheet;
  suggestion: { suggestionId: string; number: number | null; title: string; mine: Record<string, number> | null };
}) {
  const { t, i18n } = useTranslation('suggestionStatistics');
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form, setForm] = useState<FormInstance<Values>>();
  const enter = useEnterScores(congressId, year);
  const saved = sheet.version > 0;

  const send = async (v: Values) => {
    setProblem(undefined);
    const scores = Object.fromEntries(
      Object.entries(v.scores ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
    if (Object.keys(scores).length === 0) {
      setProblem(t('awards.scoring.none'));
      return;
    }
    try {
      await enter.mutateAsync({ suggestionId: suggestion.suggestionId, scores });
      void message.success(t('awards.scoring.saved'));
      setOpen(false);
    } catch (err) {
      if (form && err instanceof ApiError && err.code === 'SCORE_ABOVE_MAX') {
        // The details name the criterion; put the message on its field.
        const key = sheet.criteria.find((c) => err.message.includes(c.name) || err.message.includes(c.key))?.key;
        if (key) {
          form.setFields([{ name: ['scores', key], errors: [err.message] }]);
          return;
        }
      }
      const rest = form ? applyServerErrors(form, err) : [errorMessage(err)];
      if (rest.length) setProblem(rest.join('；'));
    }
  };

  return (
    <>
      <Button
        size="small"
        type="link"
        disabled={!saved}
        title={saved ? undefined : t('awards.scoring.sheetFirst')}
        onClick={() => setOpen(true)}
      >
        {t('awards.scoring.action')}
      </Button>
      <Modal
        open={open}
        title={t('awards.scoring.title')}
        okText={t('awards.scoring.submit')}
        cancelText={t('common:actions.cancel')}
        confirmLoading={enter.isPending}
        onOk={() => form?.submit()}
        onCancel={() => {
          setProblem(undefined);
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph strong ellipsis={{ rows: 2 }}>
          {suggestion.number != null && `${t('awards.number')} ${suggestion.number} · `}
          {suggestion.title}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('awards.scoring.hint')}</Typography.Paragraph>
        <ScoreForm sheet={sheet} en={en} mine={suggestion.mine} onReady={setForm} onFinish={(v) => void send(v)} />
        {problem && <Alert type="error" showIcon title={problem} />}
      </Modal>
    </>
  );
}

/** A store of its own each time the modal opens (see SheetModal). */
function ScoreForm({
  sheet,
  en,
  mine,
  onReady,
  onFinish,
}: {
  sheet: Sheet;
  en: boolean;
  /** The reviewer's earlier scores: submitting again replaces them, so they start from what they were. */
  mine: Record<string, number> | null;
  onReady: (form: FormInstance<Values>) => void;
  onFinish: (v: Values) => void;
}) {
  const { t } = useTranslation('suggestionStatistics');
  const [form] = Form.useForm<Values>();
  useEffect(() => onReady(form), [form, onReady]);
  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '160px' }}
      labelWrap
      onFinish={onFinish}
      initialValues={{ scores: mine ?? {} }}
    >
      {sheet.criteria.map((c) => {
        const max = c.maxScore ?? 100;
        return (
          <Form.Item
            key={c.key}
            name={['scores', c.key]}
            label={(en && c.nameEn) || c.name}
            extra={t('awards.scoring.bounds', { max, weight: c.weight })}
            rules={[{ type: 'number', min: 0, max, message: t('awards.scoring.range', { max }) }]}
          >
            <InputNumber min={0} max={max} step={1} style={{ width: 160 }} />
          </Form.Item>
        );
      })}
    </Form>
  );
}
