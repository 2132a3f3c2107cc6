import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Handling, Reply } from '../api/handlingTypes';
import { PostButton } from './PostModal';

const CLASSES = ['A', 'B', 'C', 'D'] as const;

function ReplyFields() {
  const { t } = useTranslation('suggestions');
  const form = Form.useFormInstance();
  const cls: string | undefined = Form.useWatch('replyClass', form);
  return (
    <>
      <Form.Item
        name="replyClass"
        label={t('handling.replyClass')}
        rules={[{ required: true, message: t('handling.replyClass') }]}
      >
        <Radio.Group optionType="button" options={CLASSES.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('handling.replyText')}
        rules={[{ required: true, whitespace: true, message: t('handling.replyText') }]}
      >
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={20000} showCount />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="referenceNumber" label={t('handling.referenceNumber')} style={{ flex: '1 1 160px' }}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="signerName" label={t('handling.signerName')} style={{ flex: '1 1 120px' }}>
          <Input maxLength={50} />
        </Form.Item>
      </Flex>
      <Flex gap={8} wrap>
        <Form.Item name="contactName" label={t('handling.contactName')} style={{ flex: '1 1 120px' }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('handling.contactPhone')} style={{ flex: '1 1 160px' }}>
          <Input maxLength={30} />
        </Form.Item>
      </Flex>
      {(cls === 'B' || cls === 'C') && (
        <Form.List name="commitments">
          {(rows, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              <span>{t('handling.commitments')}</span>
              {rows.map((row) => (
                <Flex key={row.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[row.name, 'content']}
                    rules={[{ required: true, whitespace: true, message: t('handling.commitment') }]}
                    style={{ flex: '1 1 220px', marginBottom: 0 }}
                  >
                    <Input placeholder={t('handling.commitment')} maxLength={1000} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'dueOn']}
                    rules={[{ required: true, message: t('handling.commitmentDue') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <DatePicker placeholder={t('handling.commitmentDue')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('detail.remove')}
                    onClick={() => remove(row.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('handling.addCommitment')}
              </Button>
            </Flex>
          )}
        </Form.List>
      )}
    </>
  );
}

type Values = Record<string, unknown> & { commitments?: { content: string; dueOn: Dayjs }[] };

const initialOf = (r: Reply | undefined) =>
  r
    ? {
        replyClass: r.replyClass ?? undefined,
        text: r.text,
        referenceNumber: r.referenceNumber,
        signerName: r.signerName,
        contactName: r.contactName,
        contactPhone: r.contactPhone,
        commitments: r.commitments.map((c) => ({ content: c.content, dueOn: dayjs(c.dueOn) })),
      }
    : { commitments: [] };

/** The unit's reply: draft (with class and commitments), send for approval, approve or return, send. */
export function ReplyButtons({ id, h, mine }: { id: string; h: Handling; mine: Reply | undefined }) {
  const { t } = useTranslation('suggestions');
  const editable = !mine || mine.status === 'draft';
  return (
    <Flex gap={6} wrap>
      {h.me.draftReply && editable && (
        <PostButton
          label={mine ? t('handling.editReply') : t('handling.draftReply')}
          button={{ type: mine ? 'default' : 'primary' }}
          method="PUT"
          path={`/suggestions/${id}/reply`}
          width={640}
          initialValues={initialOf(mine)}
          body={(raw) => {
            const v = raw as Values;
            const cls = v.replyClass as string | undefined;
            return {
              ...v,
              commitments:
                cls === 'B' || cls === 'C'
                  ? (v.commitments ?? []).map((c) => ({ content: c.content, dueOn: c.dueOn.format('YYYY-MM-DD') }))
                  : [],
            };
          }}
          fields={() => <ReplyFields />}
        />
      )}
      {h.me.draftReply && mine?.status === 'draft' && (
        <PostButton label={t('handling.submitReply')} button={{ type: 'primary' }} path={`/suggestions/${id}/reply/submit`} />
      )}
      {h.me.approveReply && (
        <>
          <PostButton label={t('handling.approveReply')} button={{ type: 'primary' }} path={`/suggestions/${id}/reply/approve`} />
          <PostButton
            label={t('handling.returnReply')}
            button={{ danger: true }}
            path={`/suggestions/${id}/reply/return`}
            fields={() => (
              <Form.Item
                name="reason"
                label={t('actionFields.reason')}
                rules={[{ required: true, whitespace: true, message: t('actionFields.reasonRequired') }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
              </Form.Item>
            )}
          />
        </>
      )}
      {h.me.sendReply && (
        <PostButton label={t('handling.sendReply')} button={{ type: 'primary' }} path={`/suggestions/${id}/reply/send`} />
      )}
    </Flex>
  );
}
