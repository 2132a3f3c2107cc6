import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Picked } from './MeetingPickers';

/**
 * The problems a meeting settled, each with its result and, optionally, the suggestion it belongs to:
 * one of those the meeting discussed (the server refuses any other).
 */
export function MeetingProblems({ discussed }: { discussed: Picked[] }) {
  const { t } = useTranslation('suggestionSupervision');
  return (
    <Form.List name="problems">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={t('meetings.problemN', { n: i + 1 })}
              extra={
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('meetings.removeProblem')}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Form.Item
                name={[field.name, 'problem']}
                label={t('meetings.problem')}
                rules={[{ required: true, whitespace: true }, { max: 1000 }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'result']}
                label={t('meetings.result')}
                rules={[{ required: true, whitespace: true }, { max: 2000 }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name={[field.name, 'suggestionId']} label={t('meetings.problemSuggestion')} style={{ marginBottom: 0 }}>
                <Select allowClear placeholder={t('meetings.problemSuggestionNone')} options={discussed} />
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 50}>
            {t('meetings.addProblem')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
