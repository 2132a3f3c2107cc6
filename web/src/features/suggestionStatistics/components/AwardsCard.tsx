import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { hasRole } from '../../../lib/policies';
import {
  AWARD_SCORE_ROLES,
  AWARD_SHEET_ROLES,
  rankingExportUrl,
  type SuggestionRanking,
  type UnitRanking,
  useCongresses,
  useSuggestionRanking,
  useUnitRanking,
} from '../api/awards';
import { ScoreButton } from './ScoreModal';
import { SheetButton } from './SheetModal';

type UnitRow = UnitRanking['items'][number];
type SuggestionRow = SuggestionRanking['items'][number];

/** The year-end evaluation's rankings (先进承办单位, 优秀建议) of a congress, with their workbooks. */
export function AwardsCard({ regionCode, year }: { regionCode: string; year: number }) {
  const { t, i18n } = useTranslation('suggestionStatistics');
  const en = i18n.language === 'en';
  const congresses = useCongresses(regionCode);
  const [picked, setPicked] = useState<string>();
  const congressId = picked ?? congresses.data?.items[0]?.id;
  const [tab, setTab] = useState<'units' | 'suggestions'>('units');
  const units = useUnitRanking(congressId, year);
  const suggestions = useSuggestionRanking(congressId, year);
  const failed = congresses.error ?? units.error ?? suggestions.error;
  const criterionName = (c: { name: string; nameEn: string | null }) => (en && c.nameEn) || c.name;
  const me = useMe();
  const maySheet = hasRole(me, AWARD_SHEET_ROLES);
  const mayScore = hasRole(me, AWARD_SCORE_ROLES);
  const suggestionSheet = suggestions.data?.sheet;

  const unitColumns = [
    { key: 'rank', title: t('awards.rank'), dataIndex: 'rank', width: 64 },
    { key: 'name', title: t('awards.unit'), dataIndex: 'name' },
    { key: 'score', title: t('awards.score'), dataIndex: 'score', align: 'right' as const, width: 90 },
    ...(units.data?.sheet.criteria ?? []).map((c) => ({
      key: c.key,
      title: `${criterionName(c)} (${c.weight})`,
      align: 'right' as const,
      render: (_: unknown, r: UnitRow) => r.parts[c.key] ?? '—',
    })),
  ];
  const suggestionColumns = [
    { key: 'rank', title: t('awards.rank'), dataIndex: 'rank', width: 64 },
    { key: 'number', title: t('awards.number'), dataIndex: 'number', width: 72 },
    { key: 'title', title: t('awards.title'), dataIndex: 'title', ellipsis: true, width: 260 },
    { key: 'lead', title: t('awards.lead'), dataIndex: 'leadName', width: 100 },
    { key: 'score', title: t('awards.score'), dataIndex: 'score', align: 'right' as const, width: 90 },
    { key: 'reviewers', title: t('awards.reviewers'), dataIndex: 'reviewers', align: 'right' as const, width: 90 },
    // Each criterion's average over the reviewers, as the ranking's export lists them.
    ...(suggestionSheet?.criteria ?? []).map((c) => ({
      key: c.key,
      title: `${criterionName(c)} (${c.weight})`,
      align: 'right' as const,
      render: (_: unknown, r: SuggestionRow) => r.parts[c.key] ?? '—',
    })),
    ...(mayScore && congressId && suggestionSheet
      ? [
          {
            key: 'actions',
            title: t('awards.actions'),
            width: 90,
            render: (_: unknown, r: SuggestionRow) => (
              <ScoreButton congressId={congressId} year={year} sheet={suggestionSheet} suggestion={r} />
            ),
          },
        ]
      : []),
  ];
  const sheetBar = (target: 'units' | 'suggestions') =>
    maySheet &&
    congressId && (
      <Flex justify="flex-end" gap={8} align="center" style={{ marginBottom: 8 }}>
        {(target === 'units' ? units.data?.sheet : suggestionSheet)?.version === 0 && (
          <Typography.Text type="secondary">{t('awards.sheet.unsaved')}</Typography.Text>
        )}
        <SheetButton
          congressId={congressId}
          year={year}
          target={target}
          sheet={target === 'units' ? units.data?.sheet : suggestionSheet}
        />
      </Flex>
    );

  return (
    <Card
      size="small"
      title={t('awards.heading', { year })}
      extra={
        congressId && (
          <Button size="small" icon={<DownloadOutlined />} href={rankingExportUrl(congressId, year, tab)}>
            {t('export')}
          </Button>
        )
      }
    >
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('awards.congress')}</Typography.Text>
        <Select
          value={congressId}
          onChange={setPicked}
          options={(congresses.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          style={{ minWidth: 240, maxWidth: '100%' }}
          aria-label={t('awards.congress')}
        />
        <Typography.Text type="secondary">{t('awards.sheetNote')}</Typography.Text>
      </Flex>
      {failed && <Alert type="error" showIcon title={errorMessage(failed)} style={{ marginBottom: 8 }} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'units' | 'suggestions')}
        items={[
          {
            key: 'units',
            label: t('awards.units'),
            children: (
              <>
                {sheetBar('units')}
                <Table<UnitRow>
                  size="small"
                  rowKey="unitId"
                  columns={unitColumns}
                  dataSource={units.data?.items ?? []}
                  loading={units.isFetching}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                />
              </>
            ),
          },
          {
            key: 'suggestions',
            label: t('awards.suggestions'),
            children: (
              <>
                {sheetBar('suggestions')}
                <Table<SuggestionRow>
                  size="small"
                  rowKey="suggestionId"
                  columns={suggestionColumns}
                  dataSource={suggestions.data?.items ?? []}
                  loading={suggestions.isFetching}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
