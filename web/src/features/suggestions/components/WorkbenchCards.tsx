import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../lib/auth';
import { useSuggestionCount } from '../api/suggestions';
import { type Box, boxesOf } from './boxes';
import '../strings';

function BoxCard({ box }: { box: Box }) {
  const { t } = useTranslation('suggestions');
  const count = useSuggestionCount(box.query);
  const n = count.data ?? 0;
  return (
    <Link to={`/suggestions?view=${encodeURIComponent(box.key)}`}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Statistic
          title={t(`box.${box.key}`)}
          value={count.data ?? '—'}
          styles={{ content: box.alarm && n > 0 ? { color: '#cf1322' } : undefined }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`boxHint.${box.key}`, { defaultValue: '' })}
        </Typography.Text>
      </Card>
    </Link>
  );
}

/** The home page's suggestion boxes for the signed-in role; each number is its list's total. */
export default function WorkbenchCards() {
  const { t } = useTranslation('suggestions');
  const me = useMe();
  return (
    <Card
      title={t('workbench.title')}
      extra={
        <Link to="/suggestions">
          {t('workbench.openList')} <RightOutlined />
        </Link>
      }
    >
      <Row gutter={[12, 12]}>
        {boxesOf(me.role).map((b) => (
          <Col key={b.key} xs={12} sm={8} lg={6} xl={4}>
            <BoxCard box={b} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
