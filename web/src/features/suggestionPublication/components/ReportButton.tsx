import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Form, Modal, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { useCongresses } from '../../suggestions/api/congresses';
import { type ReportCounts, reportDocxUrl, useHandlingReport } from '../api/publications';
import '../strings';

const share = (part: number, whole: number) => (whole > 0 ? ` (${((part / whole) * 100).toFixed(1)}%)` : '');

/** The year's figures the report is written from, so the office sees what it downloads. */
function Figures({ c }: { c: ReportCounts }) {
  const { t } = useTranslation('suggestionPublication');
  const n = (count: number) => t('report.pieces', { count });
  const rows: [string, string][] = [
    ['submitted', n(c.submitted)],
    ['accepted', n(c.accepted)],
    ['assigned', n(c.assigned)],
    ['replied', n(c.replied)],
    ['repliedOnTime', n(c.repliedOnTime) + share(c.repliedOnTime, c.replied)],
    ['classA', n(c.classes.A) + share(c.classes.A, c.replied)],
    ['faceToFace', n(c.faceToFace) + share(c.faceToFace, c.replied)],
    ['rated', n(c.rated)],
    ['satisfied', n(c.satisfied) + share(c.satisfied, c.rated)],
    ['basicallySatisfied', n(c.basicallySatisfied) + share(c.basicallySatisfied, c.rated)],
    ['unsatisfied', n(c.unsatisfied) + share(c.unsatisfied, c.rated)],
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      items={rows.map(([key, value]) => ({ key, label: t(`report.counts.${key}`), children: value }))}
    />
  );
}

/** 年度办理情况报告: a congress and a year, its figures, and the Word document to download. */
export function ReportButton() {
  const { t } = useTranslation('suggestionPublication');
  const [open, setOpen] = useState(false);
  const congresses = useCongresses();
  const [congressId, setCongressId] = useState<string>();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const me = useMe();
  // The office reports for its own congress, as a rule: that of the account's region.
  const items = congresses.data?.items ?? [];
  const chosen = congressId ?? (items.find((c) => c.regionCode === me.regionCode) ?? items[0])?.id;
  const report = useHandlingReport(open ? chosen : undefined, year);

  return (
    <>
      <Button icon={<FileWordOutlined />} onClick={() => setOpen(true)}>
        {t('report.button')}
      </Button>
      <Modal
        open={open}
        title={t('report.title')}
        onCancel={() => setOpen(false)}
        width={640}
        footer={
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setOpen(false)}>{t('common:actions.close')}</Button>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={chosen ? reportDocxUrl(chosen, year) : undefined}
              disabled={!chosen || !report.data}
              download
            >
              {t('report.download')}
            </Button>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary">{t('report.intro')}</Typography.Paragraph>
        <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
          <Form.Item label={t('report.congress')}>
            <Select
              style={{ width: 240 }}
              loading={congresses.isLoading}
              value={chosen}
              onChange={setCongressId}
              showSearch={{ optionFilterProp: 'label' }}
              options={items.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item label={t('report.year')}>
            <Select
              style={{ width: 100 }}
              value={year}
              onChange={setYear}
              options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
            />
          </Form.Item>
        </Form>
        {report.isLoading && <Skeleton active paragraph={{ rows: 5 }} />}
        {report.error && <Alert type="error" showIcon title={t('report.unavailable', { message: errorMessage(report.error) })} />}
        {report.data && <Figures c={report.data.counts} />}
      </Modal>
    </>
  );
}
