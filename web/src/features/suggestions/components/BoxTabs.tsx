import { Badge, Button, Flex, Grid, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSuggestionCount } from '../api/suggestions';
import type { Box } from './boxes';

function BoxLabel({ box }: { box: Box }) {
  const { t } = useTranslation('suggestions');
  const count = useSuggestionCount(box.query);
  const n = count.data ?? 0;
  return (
    <Flex gap={6} align="center">
      <span>{t(`box.${box.key}`)}</span>
      {count.data !== undefined && (
        <Badge count={n} showZero overflowCount={9999} color={box.alarm && n > 0 ? 'red' : n > 0 ? 'blue' : '#bfbfbf'} />
      )}
    </Flex>
  );
}

/**
 * The role's boxes, each with the total its list gives: tabs on a wide screen; on a phone, buttons
 * that wrap, so that no box (the replies waiting for a rating) hides behind a "more" menu.
 */
export function BoxTabs({ boxes, value, onChange }: { boxes: Box[]; value: string; onChange: (key: string) => void }) {
  const screens = Grid.useBreakpoint();
  if (!screens.md) {
    return (
      <Flex gap={8} wrap style={{ margin: '8px 0 12px' }}>
        {boxes.map((b) => (
          <Button
            key={b.key}
            size="small"
            type={b.key === value ? 'primary' : 'default'}
            ghost={b.key === value}
            onClick={() => onChange(b.key)}
          >
            <BoxLabel box={b} />
          </Button>
        ))}
      </Flex>
    );
  }
  return (
    <Tabs
      activeKey={value}
      items={boxes.map((b) => ({ key: b.key, label: <BoxLabel box={b} /> }))}
      onChange={onChange}
      style={{ marginBottom: 4 }}
    />
  );
}
