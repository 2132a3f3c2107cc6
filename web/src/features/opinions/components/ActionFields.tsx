import { UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Typography, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { uploadCaseFile } from '../api/opinions';
import { EVALUATIONS, type Opinion, type PanelAction, REPLY_RESULTS, type UploadedFile } from '../api/types';
import { MergeFields } from './MergeFields';
import { TransferFields } from './TransferFields';

const MAX_FILES = 10;

export interface ActionValues {
  note?: string;
  reason?: string;
  guidance?: string;
  result?: string;
  text?: string;
  files?: UploadFile<UploadedFile>[];
  leadUnitId?: string;
  coUnitIds?: string[];
  complex?: boolean;
  replyDueOn?: { format(f: string): string } | null;
  evaluation?: string;
  comment?: string;
  primaryId?: string;
  instruction?: string;
  days?: number;
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** The request body each action takes (opinions.transitions.schema.ts and the side routes). */
export function bodyOf(action: PanelAction, v: ActionValues): Record<string, unknown> {
  switch (action) {
    case 'reject':
      return { reason: trimmed(v.reason), guidance: trimmed(v.guidance) };
    case 'answer_on_spot':
    case 'resolve':
      return { result: v.result, text: trimmed(v.text) };
    case 'transfer':
      return {
        leadUnitId: v.leadUnitId,
        coUnitIds: v.coUnitIds ?? [],
        complex: !!v.complex,
        replyDueOn: v.replyDueOn ? v.replyDueOn.format('YYYY-MM-DD') : null,
        note: trimmed(v.note),
      };
    case 'unit_return':
      return { reason: trimmed(v.reason) };
    case 'reply':
      return {
        result: v.result,
        text: trimmed(v.text),
        fileIds: (v.files ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : [])),
      };
    case 'evaluate':
      return { evaluation: v.evaluation, comment: trimmed(v.comment) };
    case 'rehandle':
      return { note: trimmed(v.note), complex: !!v.complex };
    case 'merge':
      return { primaryId: v.primaryId, note: trimmed(v.note) };
    case 'supervise':
      return { instruction: trimmed(v.instruction) };
    case 'requestExtension':
      return { reason: trimmed(v.reason), days: v.days };
    default:
      return { note: trimmed(v.note) };
  }
}

export const initialValuesOf = (action: PanelAction, o: Opinion): ActionValues =>
  action === 'answer_on_spot'
    ? { result: 'resolved' }
    : action === 'transfer' || action === 'rehandle'
      ? { complex: o.complex, coUnitIds: [] }
      : action === 'requestExtension'
        ? { days: 5 }
        : {};

function NoteField({ label }: { label?: string }) {
  const { t } = useTranslation('opinions');
  return (
    <Form.Item name="note" label={label ?? t('form.note')}>
      <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.notePlaceholder')} />
    </Form.Item>
  );
}

function ReasonField({ name = 'reason', label, max = 1000 }: { name?: string; label?: string; max?: number }) {
  const { t } = useTranslation('opinions');
  return (
    <Form.Item
      name={name}
      label={label ?? t('form.reason')}
      rules={[{ required: true, whitespace: true, message: t('form.reasonRequired') }]}
    >
      <Input.TextArea maxLength={max} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
    </Form.Item>
  );
}

function ResultAndText() {
  const { t } = useTranslation('opinions');
  return (
    <>
      <Form.Item name="result" label={t('form.result')} rules={[{ required: true, message: t('form.resultRequired') }]}>
        <Select options={REPLY_RESULTS.map((r) => ({ value: r, label: t(`result.${r}`) }))} />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('form.text')}
        rules={[{ required: true, whitespace: true, message: t('form.textRequired') }]}
      >
        <Input.TextArea maxLength={5000} showCount autoSize={{ minRows: 4, maxRows: 12 }} />
      </Form.Item>
    </>
  );
}

function ReplyFiles({ opinionId }: { opinionId: string }) {
  const { t } = useTranslation('opinions');
  return (
    <Form.Item
      name="files"
      label={t('form.files')}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      extra={t('form.uploadHint')}
    >
      <Upload<UploadedFile>
        maxCount={MAX_FILES}
        multiple
        accept="application/pdf,image/jpeg,image/png,image/webp"
        customRequest={({ file, onSuccess, onError }) => {
          uploadCaseFile(opinionId, file as File)
            .then((saved) => onSuccess?.(saved))
            .catch((err: unknown) => {
              const failure = new Error(errorMessage(err));
              onError?.(failure);
            });
        }}
      >
        <Button icon={<UploadOutlined />}>{t('form.upload')}</Button>
      </Upload>
    </Form.Item>
  );
}

/** The fields of one action's form; the panel wraps them in a modal. */
export function ActionFields({ action, opinion, open }: { action: PanelAction; opinion: Opinion; open: boolean }) {
  const { t } = useTranslation('opinions');
  switch (action) {
    case 'accept':
      return (
        <>
          <Form.Item label={t('form.responsibleDeputy')} extra={t('form.responsibleDeputyHint')}>
            <Typography.Text strong>{opinion.responsibleDeputy?.name || t('list.noDeputy')}</Typography.Text>
          </Form.Item>
          <NoteField />
        </>
      );
    case 'reject':
      return (
        <>
          <ReasonField />
          <Form.Item name="guidance" label={t('form.guidance')}>
            <Input.TextArea
              maxLength={1000}
              showCount
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('form.guidancePlaceholder')}
            />
          </Form.Item>
        </>
      );
    case 'answer_on_spot':
    case 'resolve':
      return <ResultAndText />;
    case 'transfer':
      return (
        <>
          <TransferFields opinion={opinion} open={open} />
          <NoteField />
        </>
      );
    case 'unit_return':
      return <ReasonField />;
    case 'reply':
      return (
        <>
          <ResultAndText />
          <ReplyFiles opinionId={opinion.id} />
        </>
      );
    case 'evaluate':
      return (
        <>
          <Form.Item
            name="evaluation"
            label={t('form.evaluation')}
            rules={[{ required: true, message: t('form.evaluationRequired') }]}
          >
            <Radio.Group options={EVALUATIONS.map((e) => ({ value: e, label: t(`evaluation.${e}`) }))} />
          </Form.Item>
          <Form.Item name="comment" label={t('form.comment')}>
            <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </>
      );
    case 'rehandle':
      return (
        <>
          <Form.Item name="complex" valuePropName="checked">
            <Checkbox>{t('form.complex')}</Checkbox>
          </Form.Item>
          <NoteField />
        </>
      );
    case 'merge':
      return (
        <>
          <MergeFields opinion={opinion} open={open} />
          <NoteField />
        </>
      );
    case 'supervise':
      return (
        <Form.Item
          name="instruction"
          label={t('form.instruction')}
          rules={[{ required: true, whitespace: true, message: t('form.instructionRequired') }]}
        >
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      );
    case 'requestExtension':
      return (
        <>
          <Form.Item
            name="days"
            label={t('form.days')}
            rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t('form.daysRequired') }]}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <ReasonField max={500} />
        </>
      );
    default:
      return <NoteField />;
  }
}
