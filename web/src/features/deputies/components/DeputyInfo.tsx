import { Card, Descriptions, type DescriptionsProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeputyDetail } from '../api/types';
import { LevelTag, StatusTag } from './DeputyTags';

const dash = (v: string | null | undefined) => v || '—';
const columns = { xs: 1, sm: 2, xl: 3 } as const;

/** Personal data as the reader may see it: the full phone and ID number only after an audited reveal. */
export function PersonCard({ deputy, revealed }: { deputy: DeputyDetail; revealed?: DeputyDetail }) {
  const { t } = useTranslation('deputies');
  const phone = revealed ? revealed.phone : deputy.phoneMasked;
  const idNumber = revealed ? revealed.idNumber : deputy.idNumberMasked;
  const mono = { fontVariantNumeric: 'tabular-nums' } as const;
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('fields.name'), children: deputy.name },
    { key: 'pinyin', label: t('fields.namePinyin'), children: dash(deputy.namePinyin) },
    { key: 'gender', label: t('fields.gender'), children: deputy.gender ? t(`gender.${deputy.gender}`) : '—' },
    { key: 'ethnicity', label: t('fields.ethnicity'), children: dash(deputy.ethnicity) },
    { key: 'birthDate', label: t('fields.birthDate'), children: dash(deputy.birthDate) },
    { key: 'party', label: t('fields.party'), children: dash(deputy.party) },
    { key: 'education', label: t('fields.education'), children: dash(deputy.education) },
    { key: 'occupationCategory', label: t('fields.occupationCategory'), children: dash(deputy.occupationCategory) },
    { key: 'occupation', label: t('fields.occupation'), children: dash(deputy.occupation) },
    {
      key: 'phone',
      label: t('fields.phone'),
      children: (
        <Typography.Text style={mono} copyable={!!revealed && !!phone}>
          {dash(phone)}
        </Typography.Text>
      ),
    },
    {
      key: 'idNumber',
      label: t('fields.idNumber'),
      span: { xs: 1, sm: 2, xl: 2 },
      children: (
        <Typography.Text style={mono} copyable={!!revealed && !!idNumber}>
          {dash(idNumber)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Card title={t('detail.person')}>
      <Descriptions size="small" column={columns} items={items} />
    </Card>
  );
}

export function MandateCard({ deputy }: { deputy: DeputyDetail }) {
  const { t } = useTranslation('deputies');
  const items: DescriptionsProps['items'] = [
    { key: 'level', label: t('fields.level'), children: <LevelTag level={deputy.level} /> },
    { key: 'term', label: t('fields.term'), children: t('termValue', { term: deputy.term }) },
    { key: 'status', label: t('fields.status'), children: <StatusTag status={deputy.status} /> },
    { key: 'congress', label: t('fields.congress'), children: dash(deputy.congressRegionName ?? deputy.congressRegionCode) },
    { key: 'region', label: t('fields.region'), children: dash(deputy.regionName ?? deputy.regionCode) },
    { key: 'delegation', label: t('fields.delegation'), children: dash(deputy.delegation) },
    { key: 'constituency', label: t('fields.constituency'), children: dash(deputy.constituency) },
    { key: 'deputyGroup', label: t('fields.deputyGroup'), children: dash(deputy.deputyGroup) },
    { key: 'startedOn', label: t('fields.startedOn'), children: dash(deputy.startedOn) },
    { key: 'endedOn', label: t('fields.endedOn'), children: dash(deputy.endedOn) },
    { key: 'statusChangedOn', label: t('fields.statusChangedOn'), children: dash(deputy.statusChangedOn) },
  ];
  return (
    <Card title={t('detail.mandate')}>
      <Descriptions size="small" column={columns} items={items} />
    </Card>
  );
}
