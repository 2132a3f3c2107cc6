import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Flex, Grid, Row, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { PhoneCardList } from '../../../components/PhoneCardList';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useListParams } from '../../../lib/useListParams';
import { useReceptions } from '../api/receptions';
import { RECEPTION_FILTERS, type Reception } from '../api/types';
import { StationSelect } from '../components/Pickers';
import { ReceptionFormModal } from '../components/ReceptionForm';
import '../strings';

const DAY = 'YYYY-MM-DD';

export default function ReceptionListPage() {
  const { t } = useTranslation('opinions');
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const params = useListParams(RECEPTION_FILTERS);
  const { q: _q, ...query } = params.query;
  const list = useReceptions(query);
  const [formOpen, setFormOpen] = useState(false);
  const mayIntake = can(me, 'opinions.intake');
  const intakeLink = (r: Reception) => `/opinions/new?stationId=${r.station.id}&receptionId=${r.id}`;
  const pagination = params.pagination(list.data?.total);

  const columns: TableColumnsType<Reception> = [
    { key: 'date', title: t('receptions.receivedOn'), width: 110, render: (_, r) => r.receivedOn },
    { key: 'station', title: t('receptions.station'), width: 200, render: (_, r) => r.station.name },
    {
      key: 'deputies',
      title: t('receptions.deputies'),
      width: 160,
      render: (_, r) => (r.deputies.length ? r.deputies.map((d) => d.name).join('、') : '—'),
    },
    { key: 'staff', title: t('receptions.staffNames'), width: 120, render: (_, r) => r.staffNames ?? '—' },
    { key: 'visitors', title: t('receptions.visitorCount'), width: 90, align: 'right', render: (_, r) => r.visitorCount },
    { key: 'opinions', title: t('receptions.opinionCount'), width: 90, align: 'right', render: (_, r) => r.opinionCount },
    {
      key: 'summary',
      title: t('receptions.summary'),
      render: (_, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.summary }} style={{ margin: 0 }}>
          {r.summary ?? '—'}
        </Typography.Paragraph>
      ),
    },
    ...(mayIntake
      ? [
          {
            key: 'actions',
            title: '',
            width: 100,
            render: (_: unknown, r: Reception) => <Link to={intakeLink(r)}>{t('receptions.addOpinion')}</Link>,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('receptions.title')}
        subtitle={!phone && t('receptions.subtitle')}
        extra={
          can(me, 'receptions.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
              {t('receptions.create')}
            </Button>
          )
        }
      />
      <Card styles={phone ? { body: { padding: 12 } } : undefined}>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {me.role !== 'station_staff' && (
            <Col xs={24} sm={12} lg={8}>
              <StationSelect
                value={params.filters.stationId}
                onChange={(v) => params.set({ stationId: v })}
                placeholder={t('receptions.station')}
              />
            </Col>
          )}
          <Col xs={24} sm={12} lg={8}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              allowEmpty={[true, true]}
              value={[
                params.filters.from ? dayjs(params.filters.from) : null,
                params.filters.to ? dayjs(params.filters.to) : null,
              ]}
              placeholder={[t('receptions.dateFrom'), t('receptions.dateTo')]}
              onChange={(v) => params.set({ from: v?.[0]?.format(DAY), to: v?.[1]?.format(DAY) })}
              inputReadOnly={phone}
            />
          </Col>
        </Row>
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
        {phone ? (
          <PhoneCardList
            items={list.data?.items}
            loading={list.isFetching}
            pagination={pagination}
            empty={t('receptions.empty')}
            card={(r) => (
              <>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text strong>{r.receivedOn}</Typography.Text>
                  <Flex gap={4}>
                    <Tag style={{ marginInlineEnd: 0 }}>
                      {t('receptions.visitorCount')} {r.visitorCount}
                    </Tag>
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                      {t('receptions.opinionCount')} {r.opinionCount}
                    </Tag>
                  </Flex>
                </Flex>
                <Typography.Text type="secondary">{r.station.name}</Typography.Text>
                {r.deputies.length > 0 && (
                  <Typography.Text>
                    {t('receptions.deputies')}：{r.deputies.map((d) => d.name).join('、')}
                  </Typography.Text>
                )}
                {r.summary && (
                  <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
                    {r.summary}
                  </Typography.Paragraph>
                )}
                {mayIntake && <Link to={intakeLink(r)}>{t('receptions.addOpinion')}</Link>}
              </>
            )}
          />
        ) : (
          <Table<Reception>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            pagination={pagination}
            // The summary takes what the fixed columns leave.
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('receptions.empty') }}
          />
        )}
      </Card>
      <ReceptionFormModal open={formOpen} onClose={() => setFormOpen(false)} />
    </>
  );
}
