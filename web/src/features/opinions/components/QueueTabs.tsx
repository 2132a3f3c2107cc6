import { Badge, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Workbench } from '../api/types';

/**
 * The role's queues as tabs, each with its count from GET /api/opinions/workbench. "All" (no queue)
 * comes first unless the role has an `all` queue of its own.
 */
export function QueueTabs({
  workbench,
  value,
  onChange,
}: {
  workbench: Workbench | undefined;
  value: string | undefined;
  onChange: (queue: string | undefined) => void;
}) {
  const { t } = useTranslation('opinions');
  const queues = workbench?.queues ?? [];
  const hasAll = queues.some((q) => q.key === 'all');
  const items = [
    ...(hasAll ? [] : [{ key: '', label: t('queue.all') }]),
    ...queues.map((q) => ({
      key: q.key,
      label: (
        <Flex gap={6} align="center">
          <span>{t(`queue.${q.key}`, { defaultValue: q.key })}</span>
          <Badge
            count={q.count}
            showZero
            overflowCount={9999}
            color={q.key === 'overdue' && q.count > 0 ? 'red' : q.count > 0 ? 'blue' : '#bfbfbf'}
          />
        </Flex>
      ),
    })),
  ];
  const active = value ?? (hasAll ? 'all' : '');
  return (
    <Tabs
      activeKey={active}
      items={items}
      onChange={(key) => onChange(key === '' ? undefined : key)}
      style={{ marginBottom: 4 }}
    />
  );
}
