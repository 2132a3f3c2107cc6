import { CheckCircleTwoTone, DownloadOutlined, TeamOutlined, WarningTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Progress, Row, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeputyImport } from '../api/imports';

type BadRow = DeputyImport['errors'][number] & { key: string };

/** The template's column headers (server roster/columns.ts), to name them in English. */
const COLUMN_FIELDS: Record<string, string> = {
  姓名: 'name',
  性别: 'gender',
  民族: 'ethnicity',
  出生日期: 'birthDate',
  党派: 'party',
  学历: 'education',
  职业类别: 'occupationCategory',
  工作单位及职务: 'occupation',
  手机号码: 'phone',
  身份证号: 'idNumber',
  代表层级: 'level',
  届次: 'term',
  所在地区: 'region',
  代表团: 'delegation',
  选举单位: 'constituency',
  代表小组: 'deputyGroup',
  代表状态: 'status',
  当选日期: 'startedOn',
  离任日期: 'endedOn',
};

/** While the server works through the file: how far it is. */
export function ImportProgress({ imp }: { imp: DeputyImport }) {
  const { t } = useTranslation('deputies');
  const title = t('import.progressTitle', { name: imp.filename });
  return (
    <Card title={<Typography.Text ellipsis>{title}</Typography.Text>}>
      <Flex vertical gap={12}>
        <Progress percent={imp.progress} status="active" aria-label={title} />
        <Typography.Text type="secondary">
          {imp.status === 'queued' || imp.totalRows === 0
            ? t('import.queued')
            : t('import.progress', { processed: imp.processedRows, total: imp.totalRows })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** When it is done: how many came in, which rows were refused and why. */
export function ImportResult({ imp, onAgain }: { imp: DeputyImport; onAgain: () => void }) {
  const { t, i18n } = useTranslation('deputies');
  const en = i18n.language === 'en';
  const failed = imp.status === 'failed';
  const rows: BadRow[] = imp.errors.map((e, i) => ({ ...e, key: `${e.row}-${i}` }));

  const columnName = (column: string | null) => {
    if (!column) return '—';
    const field = COLUMN_FIELDS[column];
    return en && field ? t(`fields.${field}`) : column;
  };

  const columns: TableColumnsType<BadRow> = [
    { key: 'row', title: t('import.row'), width: 80, render: (_, e) => e.row },
    { key: 'column', title: t('import.column'), width: 130, render: (_, e) => columnName(e.column) },
    { key: 'message', title: t('import.reason'), render: (_, e) => (en ? e.messageEn : e.message) },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center">
            {failed || imp.errorRows > 0 ? (
              <WarningTwoTone twoToneColor="#faad14" />
            ) : (
              <CheckCircleTwoTone twoToneColor="#52c41a" />
            )}
            <span>{failed ? t('import.failedTitle') : t('import.doneTitle')}</span>
          </Flex>
        }
      >
        {failed && <Alert type="error" showIcon title={imp.message || t('import.failedText')} style={{ marginBottom: 16 }} />}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('import.totalRows')} value={imp.totalRows} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('import.imported')} value={imp.importedRows} styles={{ content: { color: '#389e0d' } }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('import.badRows')}
              value={imp.errorRows}
              styles={{ content: { color: imp.errorRows ? '#cf1322' : undefined } }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('import.file')}
              value={imp.filename}
              styles={{ content: { fontSize: 14, wordBreak: 'break-all' } }}
            />
          </Col>
        </Row>
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          {imp.importedRows > 0 && (
            <Link to="/deputies?sort=-createdAt">
              <Button type="primary" icon={<TeamOutlined />}>
                {t('import.seeImported')}
              </Button>
            </Link>
          )}
          {imp.errorReportUrl && (
            <Button icon={<DownloadOutlined />} href={imp.errorReportUrl} download>
              {t('import.errorReport')}
            </Button>
          )}
          <Button onClick={onAgain}>{t('import.again')}</Button>
        </Flex>
      </Card>
      {rows.length > 0 && (
        <Card title={t('import.badRowsTitle', { count: imp.errorRows })}>
          {imp.errorsTruncated && (
            <Alert
              type="info"
              showIcon
              title={t('import.truncated', { shown: rows.length, total: imp.errorCount })}
              style={{ marginBottom: 12 }}
            />
          )}
          <Table<BadRow>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      )}
    </Flex>
  );
}
