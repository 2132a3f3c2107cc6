import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { qrPngUrl, qrSvgUrl } from '../api/stations';
import type { StationDetail } from '../api/types';
import { Stars, StationStatusTag, TierTag, TypeTag } from './StationTags';

const dash = (v: string | null | undefined) => v || '—';

export function StationInfoCard({ station: s }: { station: StationDetail }) {
  const { t } = useTranslation('stations');
  const region = s.regionPath.length ? s.regionPath.map((r) => r.name).join(' / ') : (s.regionName ?? s.regionCode);
  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('fields.code'), children: <Typography.Text copyable>{s.code}</Typography.Text> },
    {
      key: 'type',
      label: t('fields.typeTier'),
      children: (
        <Flex gap={4} wrap>
          <TypeTag type={s.type} />
          <TierTag tier={s.tier} />
        </Flex>
      ),
    },
    { key: 'status', label: t('fields.status'), children: <StationStatusTag status={s.status} /> },
    { key: 'star', label: t('fields.starLevel'), children: <Stars value={s.starLevel} /> },
    { key: 'hotline', label: t('fields.hotline'), children: dash(s.hotline) },
    { key: 'region', label: t('fields.region'), span: 'filled', children: region },
    { key: 'address', label: t('fields.address'), span: 'filled', children: dash(s.address) },
    {
      key: 'coords',
      label: t('fields.coordinates'),
      children: s.latitude !== null && s.longitude !== null ? `${s.latitude.toFixed(6)}, ${s.longitude.toFixed(6)}` : '—',
    },
    { key: 'hours', label: t('fields.openingHours'), children: dash(s.openingHours) },
    { key: 'schedule', label: t('fields.receptionSchedule'), children: dash(s.receptionSchedule) },
    {
      key: 'public',
      label: t('fields.publicUrl'),
      span: 'filled',
      children: (
        <Typography.Link
          href={s.publicPath}
          target="_blank"
          rel="noopener"
          copyable={{ text: s.publicUrl }}
          style={{ wordBreak: 'break-all' }}
        >
          {s.publicUrl}
        </Typography.Link>
      ),
    },
    { key: 'description', label: t('fields.description'), span: 'filled', children: dash(s.description) },
  ];
  return (
    <Card title={t('detail.info')}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} items={items} />
    </Card>
  );
}

/** 扫码联: the QR code of the public page, as images to download and as the printable card. */
export function QrCard({ station: s }: { station: StationDetail }) {
  const { t } = useTranslation('stations');
  return (
    <Card title={t('qr.title')}>
      <Flex vertical align="center" gap={12}>
        <img
          src={qrPngUrl(s.id, 512)}
          alt={t('qr.alt', { name: s.name })}
          width={200}
          height={200}
          style={{ display: 'block', maxWidth: '100%', height: 'auto', imageRendering: 'pixelated' }}
        />
        <Typography.Text type="secondary" style={{ textAlign: 'center', wordBreak: 'break-all' }}>
          {t('qr.hint', { url: s.publicUrl })}
        </Typography.Text>
        <Flex gap={8} wrap justify="center">
          <Button icon={<DownloadOutlined />} href={qrPngUrl(s.id, 1024)} download={`station-${s.code}.png`}>
            {t('qr.png')}
          </Button>
          <Button icon={<DownloadOutlined />} href={qrSvgUrl(s.id)} download={`station-${s.code}.svg`}>
            {t('qr.svg')}
          </Button>
          <Link to={`/stations/${s.id}/card`} target="_blank">
            <Button type="primary" icon={<PrinterOutlined />}>
              {t('qr.card')}
            </Button>
          </Link>
        </Flex>
      </Flex>
    </Card>
  );
}

/** The liaison officers' accounts attached to the station. */
export function StaffCard({ station: s }: { station: StationDetail }) {
  const { t } = useTranslation('stations');
  return (
    <Card title={t('staff.title')} size="small">
      {s.staff.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.none')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={s.staff}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'name', title: t('staff.displayName'), render: (_, u) => u.displayName },
            { key: 'username', title: t('staff.username'), render: (_, u) => u.username },
            {
              key: 'status',
              title: t('staff.status'),
              render: (_, u) => (
                <Tag color={u.status === 'active' ? 'success' : 'default'}>
                  {t(`staff.statuses.${u.status}`, { defaultValue: u.status })}
                </Tag>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
