import { Card, Empty, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeputyDetail } from '../api/types';
import { LevelTag, RoleTag, StatusTag } from './DeputyTags';

/** A simple list of rows that wrap on narrow screens. */
function Rows<T extends { id: string }>({ items, render }: { items: T[]; render: (item: T) => ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical>
      {items.map((item, i) => (
        <Flex
          key={item.id}
          gap={8}
          wrap
          align="center"
          style={{ paddingBlock: 10, borderTop: i === 0 ? undefined : `1px solid ${token.colorBorderSecondary}` }}
        >
          {render(item)}
        </Flex>
      ))}
    </Flex>
  );
}

/** The same person's mandates at other levels (each mandate has its own term, group and stations). */
export function OtherMandatesCard({ deputy }: { deputy: DeputyDetail }) {
  const { t } = useTranslation('deputies');
  return (
    <Card title={t('detail.otherMandates')} size="small">
      {deputy.otherMandates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noOtherMandates')} />
      ) : (
        <Rows
          items={deputy.otherMandates}
          render={(m) => (
            <>
              <LevelTag level={m.level} />
              <span>{t('termValue', { term: m.term })}</span>
              <Typography.Text type="secondary">{m.congressRegionName ?? m.regionName ?? m.regionCode}</Typography.Text>
              <StatusTag status={m.status} />
              <span style={{ marginInlineStart: 'auto' }}>
                {m.inScope ? (
                  <Link to={`/deputies/${m.id}`}>{t('common:actions.view')}</Link>
                ) : (
                  <Typography.Text type="secondary">{t('detail.outOfScope')}</Typography.Text>
                )}
              </span>
            </>
          )}
        />
      )}
    </Card>
  );
}

/** The stations the person is grouped into (编组进站), with the role and, for another mandate, its level. */
export function StationsCard({ deputy }: { deputy: DeputyDetail }) {
  const { t } = useTranslation('deputies');
  const levelOf = (deputyId: string) => deputy.otherMandates.find((m) => m.id === deputyId)?.level;
  return (
    <Card title={t('detail.stations')} size="small">
      {deputy.stations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noStations')} />
      ) : (
        <Rows
          items={deputy.stations.map((s) => ({ ...s, id: `${s.id}:${s.deputyId}`, stationId: s.id }))}
          render={(s) => {
            const other = s.deputyId !== deputy.id ? levelOf(s.deputyId) : undefined;
            return (
              <>
                <Link to={`/stations/${s.stationId}`}>{s.name}</Link>
                <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {s.code}
                </Typography.Text>
                <Flex gap={4} style={{ marginInlineStart: 'auto' }}>
                  {other && <LevelTag level={other} />}
                  <RoleTag role={s.role} />
                </Flex>
              </>
            );
          }}
        />
      )}
    </Card>
  );
}
