import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { batchListUrl, useBatchAssign } from '../api/handling';
import type { BatchResult, UnitPick } from '../api/handlingTypes';
import { UnitRows } from './AssignForm';

/** The printable lists of an assignment batch (交办清单), as Excel and Word. */
export function BatchListLinks({ label }: { label: string }) {
  const { t } = useTranslation('suggestions');
  return (
    <Flex gap={12} wrap>
      <a href={batchListUrl(label, 'xlsx')} download>
        <FileExcelOutlined /> {t('assign.printXlsx')}
      </a>
      <a href={batchListUrl(label, 'docx')} download>
        <FileWordOutlined /> {t('assign.printDocx')}
      </a>
    </Flex>
  );
}

/** 批量交办 for the session's assignment meeting: the chosen suggestions go to the same units. */
export function BatchAssignButton({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<BatchResult>();
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ batchLabel: string; units: UnitPick[] }>();
  const batch = useBatchAssign();

  const send = async (v: { batchLabel: string; units: UnitPick[] }) => {
    setProblem(undefined);
    try {
      const units = (v.units ?? []).filter((u) => u?.unitId);
      const saved = await batch.mutateAsync({
        batchLabel: v.batchLabel,
        items: ids.map((suggestionId) => ({ suggestionId, units })),
      });
      setResult(saved);
      void message.success(t('assign.batchDone', { ok: saved.succeeded, failed: saved.failed }));
      onDone();
    } catch (err) {
      const rest = applyServerErrors(form, err);
      if (rest.length) setProblem(rest.join('；') || errorMessage(err));
    }
  };

  return (
    <>
      <Button type="primary" disabled={ids.length === 0} onClick={() => setOpen(true)}>
        {t('assign.batch')}（{ids.length}）
      </Button>
      <Modal
        open={open}
        title={t('assign.batch')}
        width={640}
        okText={result ? t('common:actions.close') : t('panel.submit')}
        confirmLoading={batch.isPending}
        onOk={() => (result ? setOpen(false) : form.submit())}
        onCancel={() => setOpen(false)}
        afterClose={() => setResult(undefined)}
        destroyOnHidden
      >
        {result ? (
          <Flex vertical gap={12}>
            <Alert
              type={result.failed ? 'warning' : 'success'}
              showIcon
              title={t('assign.batchDone', { ok: result.succeeded, failed: result.failed })}
            />
            <List
              size="small"
              dataSource={result.results.filter((r) => !r.ok)}
              renderItem={(r) => (
                <List.Item>
                  {r.title}：{r.message}
                </List.Item>
              )}
              locale={{ emptyText: ' ' }}
            />
            <Typography.Text strong>{t('assign.batchList')}</Typography.Text>
            <BatchListLinks label={result.batchLabel} />
          </Flex>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('assign.selected', { count: ids.length })} · {t('assign.batchHint')}
            </Typography.Paragraph>
            <Form form={form} layout="vertical" initialValues={{ units: [{ role: 'lead' }] }} onFinish={(v) => void send(v)}>
              <Form.Item
                name="batchLabel"
                label={t('assign.batchLabel')}
                rules={[{ required: true, whitespace: true, message: t('assign.batchLabel') }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <UnitRows />
            </Form>
            {problem && <Alert type="error" showIcon title={problem} />}
          </>
        )}
      </Modal>
    </>
  );
}
