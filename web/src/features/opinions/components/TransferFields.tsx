import { Button, Checkbox, DatePicker, Flex, Form, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitSuggestions } from '../api/lookups';
import { useSimilar } from '../api/opinions';
import type { Opinion } from '../api/types';
import { UnitSelect } from './Pickers';

interface Proposal {
  unitId: string;
  name: string;
  why: string;
}

/**
 * 转办: the lead unit and co units, with units proposed by the routing rules of the case's category
 * and region and by the units that handled similar cases, one click to take each.
 */
export function TransferFields({ opinion, open }: { opinion: Opinion; open: boolean }) {
  const { t } = useTranslation('opinions');
  const form = Form.useFormInstance();
  const lead: string | undefined = Form.useWatch('leadUnitId', form);
  const co: string[] = Form.useWatch('coUnitIds', form) ?? [];
  const suggestions = useUnitSuggestions(
    { regionCode: opinion.regionCode, categoryId: opinion.category?.id, text: `${opinion.title}\n${opinion.content}` },
    open,
  );
  const similar = useSimilar(opinion.id, open);

  const proposals = useMemo<Proposal[]>(() => {
    const out: Proposal[] = [];
    const seen = new Set<string>();
    for (const s of suggestions.data?.items ?? []) {
      if (seen.has(s.unitId)) continue;
      seen.add(s.unitId);
      out.push({
        unitId: s.unitId,
        name: s.unitName,
        why: s.source === 'rule' ? t('form.fromRule') : t('form.fromSimilar', { count: s.similar?.count ?? 0 }),
      });
    }
    const byUnit = new Map<string, { name: string; count: number }>();
    for (const c of similar.data?.items ?? []) {
      if (!c.leadUnitId || !c.leadUnitName) continue;
      const entry = byUnit.get(c.leadUnitId) ?? { name: c.leadUnitName, count: 0 };
      entry.count++;
      byUnit.set(c.leadUnitId, entry);
    }
    for (const [unitId, { name, count }] of byUnit) {
      if (seen.has(unitId)) continue;
      seen.add(unitId);
      out.push({ unitId, name, why: t('form.fromSimilar', { count }) });
    }
    return out;
  }, [suggestions.data, similar.data, t]);

  const known = useMemo(() => {
    const m = new Map(proposals.map((p) => [p.unitId, p.name]));
    for (const u of opinion.units) m.set(u.unitId, u.name);
    return m;
  }, [proposals, opinion.units]);

  const setLead = (id: string) => form.setFieldsValue({ leadUnitId: id, coUnitIds: co.filter((c) => c !== id) });
  const addCo = (id: string) => {
    if (id !== lead && !co.includes(id)) form.setFieldsValue({ coUnitIds: [...co, id] });
  };

  return (
    <>
      <Typography.Text strong>{t('form.suggestions')}</Typography.Text>
      <div style={{ margin: '8px 0 16px' }}>
        {suggestions.isLoading || similar.isLoading ? (
          <Skeleton active paragraph={{ rows: 2 }} title={false} />
        ) : proposals.length === 0 ? (
          <Typography.Text type="secondary">{t('form.suggestionsEmpty')}</Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            {proposals.map((p) => (
              <Flex key={p.unitId} gap={8} align="center" wrap justify="space-between">
                <Flex vertical style={{ minWidth: 0, flex: '1 1 180px' }}>
                  <Typography.Text>{p.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.why}
                  </Typography.Text>
                </Flex>
                <Flex gap={4}>
                  {lead === p.unitId ? (
                    <Tag color="red">{t('unitRole.lead')}</Tag>
                  ) : (
                    <Button size="small" onClick={() => setLead(p.unitId)}>
                      {t('form.asLead')}
                    </Button>
                  )}
                  {co.includes(p.unitId) ? (
                    <Tag>{t('unitRole.co')}</Tag>
                  ) : (
                    <Button size="small" disabled={lead === p.unitId} onClick={() => addCo(p.unitId)}>
                      {t('form.asCo')}
                    </Button>
                  )}
                </Flex>
              </Flex>
            ))}
          </Flex>
        )}
      </div>
      <Form.Item name="leadUnitId" label={t('form.leadUnit')} rules={[{ required: true, message: t('form.leadUnitRequired') }]}>
        <UnitSelect
          known={known}
          onChange={(v) => form.setFieldsValue({ leadUnitId: v, coUnitIds: co.filter((c) => c !== v) })}
        />
      </Form.Item>
      <Form.Item name="coUnitIds" label={t('form.coUnits')}>
        <UnitSelect multiple known={known} exclude={lead ? [lead] : []} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="replyDueOn" label={t('form.replyDueOn')} extra={t('form.replyDueHint')} style={{ flex: '1 1 200px' }}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} inputReadOnly />
        </Form.Item>
        <Form.Item name="complex" valuePropName="checked" label=" " style={{ flex: '1 1 200px' }}>
          <Checkbox>{t('form.complex')}</Checkbox>
        </Form.Item>
      </Flex>
    </>
  );
}
