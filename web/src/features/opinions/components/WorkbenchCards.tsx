import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { useWorkbench } from '../api/opinions';
import '../strings';

const ALARM = new Set(['overdue', 'returned', 'extensions']);

/**
 * The home page's opinion queues for the signed-in role, each with its count and a link to the list
 * of the same queue, so the number shown is the list's total.
 */
export default function WorkbenchCards() {
  const { t } = useTranslation('opinions');
  const workbench = useWorkbench();

  return (
    <Card
      title={t('workbench.title')}
      extra={
        <Link to="/opinions">
          {t('workbench.openList')} <RightOutlined />
        </Link>
      }
    >
      {workbench.isLoading && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
      {workbench.error && (
        <Alert type="warning" showIcon title={t('workbench.unavailable', { message: errorMessage(workbench.error) })} />
      )}
      {workbench.data && (
        <>
          <Typography.Paragraph type="secondary">{t('workbench.hint')}</Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {workbench.data.queues.map((q) => (
              <Col key={q.key} xs={12} sm={8} lg={6} xl={4}>
                <Link to={`/opinions?queue=${encodeURIComponent(q.key)}`}>
                  <Card hoverable size="small" style={{ height: '100%' }}>
                    <Statistic
                      title={t(`queue.${q.key}`, { defaultValue: q.key })}
                      value={q.count}
                      styles={{ content: ALARM.has(q.key) && q.count > 0 ? { color: '#cf1322' } : undefined }}
                    />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`queueHint.${q.key}`, { defaultValue: '' })}
                    </Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}
