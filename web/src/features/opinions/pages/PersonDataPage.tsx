import { DeleteOutlined, DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Grid, Input, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { downloadPersonData, type PersonCase, type PersonCases, useLookupPerson } from '../api/person';
import { EraseDataModal } from '../components/EraseDataModal';
import { StateTag } from '../components/OpinionTags';
import '../strings';
import '../person.strings';

/**
 * 群众个人信息 (office staff): a constituent's opinions found by phone, exported for them or erased on
 * their request. The server decides the scope (the office's region) and records every use.
 */
export default function PersonDataPage() {
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const phoneScreen = !Grid.useBreakpoint().md;
  const lookup = useLookupPerson();
  const [phone, setPhone] = useState('');
  const [found, setFound] = useState<PersonCases | null>(null);
  const [erasing, setErasing] = useState(false);
  const [busy, setBusy] = useState<'xlsx' | 'json' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function find(v: { phone: string }) {
    setDone(null);
    setFound(null);
    const typed = v.phone.trim();
    setPhone(typed);
    setFound(await lookup.mutateAsync(typed));
  }

  async function download(format: 'xlsx' | 'json') {
    setBusy(format);
    try {
      await downloadPersonData(phone, format);
      void message.success(t('person.exported'));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<PersonCase> = [
    {
      key: 'code',
      title: t('person.code'),
      width: 110,
      render: (_, c) => <Link to={`/opinions/${c.id}`}>{c.trackingCode}</Link>,
    },
    { key: 'title', title: t('person.titleCol'), ellipsis: true, render: (_, c) => c.title },
    { key: 'state', title: t('person.state'), width: 110, render: (_, c) => <StateTag state={c.state} /> },
    ...(phoneScreen
      ? []
      : ([
          { key: 'station', title: t('person.station'), width: 180, render: (_, c) => c.stationName ?? '—' },
          {
            key: 'received',
            title: t('person.receivedAt'),
            width: 150,
            render: (_, c) => dayjs(c.receivedAt).format('YYYY-MM-DD HH:mm'),
          },
          { key: 'name', title: t('person.name'), width: 100, render: (_, c) => c.name ?? '—' },
          { key: 'address', title: t('person.address'), width: 180, ellipsis: true, render: (_, c) => c.address ?? '—' },
        ] satisfies TableColumnsType<PersonCase>)),
  ];

  return (
    <>
      <PageHeader title={t('person.title')} subtitle={t('person.subtitle')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout={phoneScreen ? 'vertical' : 'inline'} onFinish={(v) => void find(v).catch(() => undefined)}>
          <Form.Item
            name="phone"
            label={t('person.phone')}
            rules={[{ required: true, whitespace: true, message: t('person.phoneRequired') }]}
            style={{ minWidth: phoneScreen ? undefined : 320 }}
          >
            <Input inputMode="tel" autoComplete="off" placeholder={t('person.phonePlaceholder')} maxLength={30} allowClear />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={lookup.isPending}>
              {t('person.find')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('person.privacyNote')}
        </Typography.Text>
      </Card>

      {lookup.error && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={errorMessage(lookup.error)} />}
      {done && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={done} />}

      {found && (
        <Card
          size="small"
          title={t('person.summary', { phone: found.phoneMasked, total: found.total, open: found.openCount })}
          extra={
            <Flex wrap gap={8}>
              <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
                {t('person.exportXlsx')}
              </Button>
              <Button icon={<DownloadOutlined />} loading={busy === 'json'} onClick={() => void download('json')}>
                {t('person.exportJson')}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={() => setErasing(true)}>
                {t('person.erase')}
              </Button>
            </Flex>
          }
          styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
        >
          <Table<PersonCase>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={found.cases}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
          <EraseDataModal
            phone={phone}
            found={found}
            open={erasing}
            onClose={() => setErasing(false)}
            onErased={(r) => {
              setErasing(false);
              setFound(null);
              setDone(t('person.erased', { count: r.erased }));
            }}
          />
        </Card>
      )}
    </>
  );
}
