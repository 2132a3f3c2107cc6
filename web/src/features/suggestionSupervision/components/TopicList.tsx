import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../api/supervision';
import { TopicModal } from './TopicModal';

/** The year's topics; choosing one filters the key items, the pencil edits it. */
export function TopicList(props: {
  topics: Topic[];
  year: number;
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const { t } = useTranslation('suggestionSupervision');
  const [editing, setEditing] = useState<Topic | 'new' | null>(null);
  return (
    <Card
      size="small"
      title={t('topics.title')}
      extra={
        <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('topics.create')}
        </Button>
      }
    >
      {props.topics.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('topics.empty')} />
      ) : (
        <List
          size="small"
          dataSource={props.topics}
          renderItem={(topic) => {
            const active = topic.id === props.selected;
            const by = [topic.leader?.name, topic.committee?.name].filter(Boolean).join('、');
            return (
              <List.Item
                style={{ cursor: 'pointer', background: active ? 'var(--ant-color-primary-bg)' : undefined, paddingInline: 8 }}
                onClick={() => props.onSelect(active ? undefined : topic.id)}
                actions={[
                  <Button
                    key="edit"
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('topics.edit')}
                    onClick={(e) => {
                      e.stopPropagation();
                      setEditing(topic);
                    }}
                  />,
                ]}
              >
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Typography.Text strong={active}>{topic.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('topics.items', { count: topic.itemCount })}
                    {by && ` · ${t('topics.supervisedBy', { name: by })}`}
                  </Typography.Text>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
      {editing && <TopicModal topic={editing === 'new' ? null : editing} year={props.year} onClose={() => setEditing(null)} />}
    </Card>
  );
}
