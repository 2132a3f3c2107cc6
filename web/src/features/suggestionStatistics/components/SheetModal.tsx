import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, type FormInstance, Grid, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { type Sheet, type SuggestionCriterionInput, UNIT_CRITERIA, type UnitCriterionInput, useSaveSheet } from '../api/awards';

type Target = 'units' | 'suggestions';
interface Values {
  criteria: (UnitCriterionInput | SuggestionCriterionInput)[];
}

/** The button and modal that edit one of the year's scoring sheets (先进承办单位 or 优秀建议). */
export function SheetButton({
  congressId,
  year,
  target,
  sheet,
}: {
  congressId: string;
  year: number;
  target: Target;
  sheet: Sheet | undefined;
}) {
  const { t } = useTranslation('suggestionStatistics');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form, setForm] = useState<FormInstance<Values>>();
  const save = useSaveSheet(congressId, year);

  const send = async (v: Values) => {
    if (!sheet) return;
    setProblem(undefined);
    const criteria =
      target === 'units'
        ? v.criteria.map((c) => ({ key: c.key, weight: c.weight }))
        : (v.criteria as SuggestionCriterionInput[]).map((c) => ({
            key: c.key,
            name: c.name,
            // The server trims it and takes an empty one for none.
            nameEn: c.nameEn ?? null,
            weight: c.weight,
            maxScore: c.maxScore,
          }));
    try {
      await save.mutateAsync({ target, criteria, version: sheet.version });
      void message.success(t('awards.sheet.saved'));
      setOpen(false);
    } catch (err) {
      const rest = form ? applyServerErrors(form, err) : [errorMessage(err)];
      if (rest.length) setProblem(err instanceof ApiError && err.status === 409 ? errorMessage(err) : rest.join('；'));
    }
  };

  const initial: Values = {
    criteria: (sheet?.criteria ?? []).map((c) =>
      target === 'units'
        ? { key: c.key, weight: c.weight }
        : { key: c.key, name: c.name, nameEn: c.nameEn, weight: c.weight, maxScore: c.maxScore ?? 100 },
    ),
  };
  const title = t(target === 'units' ? 'awards.sheet.unitTitle' : 'awards.sheet.suggestionTitle');

  return (
    <>
      <Button size="small" icon={<EditOutlined />} disabled={!sheet} onClick={() => setOpen(true)}>
        {t('awards.sheet.edit')}
      </Button>
      <Modal
        open={open}
        title={title}
        width={target === 'units' ? 560 : 900}
        okText={t('awards.sheet.save')}
        cancelText={t('common:actions.cancel')}
        confirmLoading={save.isPending}
        onOk={() => form?.submit()}
        onCancel={() => {
          setProblem(undefined);
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t(target === 'units' ? 'awards.sheet.unitHint' : 'awards.sheet.suggestionHint')}
          {sheet?.version === 0 && ` ${t('awards.sheet.defaults')}`}
        </Typography.Paragraph>
        <SheetForm target={target} initialValues={initial} onReady={setForm} onFinish={(v) => void send(v)} />
        {problem && <Alert type="error" showIcon title={problem} />}
      </Modal>
    </>
  );
}

/**
 * The sheet's form, with a store of its own made each time the modal opens (the modal destroys its
 * content when hidden), so the criteria rows start from the sheet as read (see suggestions' PostModal).
 */
function SheetForm({
  target,
  initialValues,
  onReady,
  onFinish,
}: {
  target: Target;
  initialValues: Values;
  onReady: (form: FormInstance<Values>) => void;
  onFinish: (v: Values) => void;
}) {
  const { t } = useTranslation('suggestionStatistics');
  const [form] = Form.useForm<Values>();
  useEffect(() => onReady(form), [form, onReady]);
  const units = target === 'units';
  // A phone has no room for a criterion's four fields on one line: they wrap, each criterion set apart.
  const phone = !Grid.useBreakpoint().md;
  const required = (label: string) => ({ required: true, message: t('awards.sheet.required', { field: label }) });

  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark={false}>
      <Form.List name="criteria">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Flex
                key={field.key}
                gap={phone ? 0 : 8}
                wrap={phone}
                align="start"
                style={phone ? { columnGap: 8, borderBottom: '1px dashed #e8e8e8', marginBottom: 8 } : undefined}
              >
                {units ? (
                  <Form.Item
                    name={[field.name, 'key']}
                    label={t('awards.sheet.criterion')}
                    rules={[required(t('awards.sheet.criterion'))]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Select options={UNIT_CRITERIA.map((k) => ({ value: k, label: t(`awards.unitCriteria.${k}`) }))} />
                  </Form.Item>
                ) : (
                  <>
                    <Form.Item
                      name={[field.name, 'key']}
                      label={t('awards.sheet.key')}
                      tooltip={t('awards.sheet.keyHelp')}
                      rules={[
                        required(t('awards.sheet.key')),
                        { pattern: /^[a-z][a-z0-9_]{0,31}$/, message: t('awards.sheet.keyHelp') },
                      ]}
                      style={phone ? { flex: '1 1 120px', marginBottom: 8 } : { width: 150, marginBottom: 8 }}
                    >
                      <Input maxLength={32} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('awards.sheet.name')}
                      rules={[
                        required(t('awards.sheet.name')),
                        { whitespace: true, message: t('awards.sheet.required', { field: t('awards.sheet.name') }) },
                      ]}
                      style={{ flex: phone ? '2 1 160px' : 1, marginBottom: 8 }}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'nameEn']}
                      label={t('awards.sheet.nameEn')}
                      style={{ flex: phone ? '2 1 160px' : 1, marginBottom: 8 }}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                  </>
                )}
                <Form.Item
                  name={[field.name, 'weight']}
                  label={units ? t('awards.sheet.weightOrPenalty') : t('awards.sheet.weight')}
                  rules={[required(t('awards.sheet.weight'))]}
                  style={phone ? { flex: '1 1 90px', marginBottom: 8 } : { width: units ? 150 : 110, marginBottom: 8 }}
                >
                  <InputNumber min={0} max={100} style={{ width: '100%' }} />
                </Form.Item>
                {!units && (
                  <Form.Item
                    name={[field.name, 'maxScore']}
                    label={t('awards.sheet.maxScore')}
                    rules={[required(t('awards.sheet.maxScore'))]}
                    style={phone ? { flex: '1 1 90px', marginBottom: 8 } : { width: 110, marginBottom: 8 }}
                  >
                    <InputNumber min={1} max={1000} style={{ width: '100%' }} />
                  </Form.Item>
                )}
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('awards.sheet.remove')}
                  title={t('awards.sheet.remove')}
                  disabled={fields.length <= 1}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            ))}
            <Typography.Text type="danger">
              <Form.ErrorList errors={errors} />
            </Typography.Text>
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              disabled={fields.length >= (units ? UNIT_CRITERIA.length : 20)}
              onClick={() => add(units ? { weight: 10 } : { weight: 10, maxScore: 100 })}
              style={{ marginBottom: 12 }}
            >
              {t('awards.sheet.add')}
            </Button>
          </>
        )}
      </Form.List>
    </Form>
  );
}
