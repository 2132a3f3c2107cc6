import { Alert, App, Button, Checkbox, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { useEvaluateCase } from '../api/portal';
import { EVALUATIONS, type Evaluation } from '../api/types';
import { charCount, MAX_COMMENT_CHARS } from '../lib/rules';

interface Values {
  evaluation: Evaluation;
  notSolved: boolean;
  comment?: string;
}

/** 满意度测评: three big choices, "not solved", and a comment. */
export function EvaluationForm({ code, last4 }: { code: string; last4: string }) {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const evaluate = useEvaluateCase(code);
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);

  async function onFinish(v: Values) {
    setProblem(null);
    try {
      await evaluate.mutateAsync({
        last4,
        evaluation: v.evaluation,
        comment: v.comment?.trim() || undefined,
        // Only a "not solved" tick says something; left unticked the server keeps its default.
        solved: v.notSolved ? false : undefined,
      });
      void message.success(
        v.evaluation === 'unsatisfied' ? t('progress.evaluation.unsatisfiedNote') : t('progress.evaluation.thanks'),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 429)
        setProblem(err.code.startsWith('HTTP_') ? t('track.tooMany') : err.message);
      else if (err instanceof ApiError && err.status === 0) setProblem(t('report.network'));
      else setProblem(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section className="lp-card" aria-labelledby="lp-eval-title">
      <h2 id="lp-eval-title">{t('progress.evaluation.title')}</h2>
      <Form<Values>
        form={form}
        layout="vertical"
        className="lp-form"
        initialValues={{ notSolved: false }}
        onFinish={(v) => void onFinish(v)}
        disabled={evaluate.isPending}
      >
        <Form.Item
          name="evaluation"
          label={t('progress.evaluation.intro')}
          rules={[{ required: true, message: t('progress.evaluation.required') }]}
        >
          <Radio.Group className="lp-rating" optionType="button" buttonStyle="solid">
            {EVALUATIONS.map((e) => (
              <Radio.Button key={e} value={e}>
                {t(`progress.evaluation.${e}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="notSolved" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox className="lp-check">{t('progress.evaluation.notSolved')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('progress.evaluation.comment')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v || charCount(v.trim()) <= MAX_COMMENT_CHARS
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('progress.evaluation.commentTooLong', { max: MAX_COMMENT_CHARS }))),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('progress.evaluation.commentPlaceholder')}
            count={{ show: true, max: MAX_COMMENT_CHARS, strategy: charCount }}
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" size="large" block loading={evaluate.isPending}>
          {t('progress.evaluation.submit')}
        </Button>
      </Form>
    </section>
  );
}
