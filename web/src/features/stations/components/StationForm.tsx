import { Card, Col, Flex, Form, type FormInstance, Input, InputNumber, Rate, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../../components/RegionPicker';
import { STATION_STATUSES, STATION_TIERS, STATION_TYPES, type StationDetail, type StationInput } from '../api/types';
import { countyCodeOf, stationRules } from './stationFormRules';

export type StationFormValues = Omit<
  StationInput,
  'address' | 'openingHours' | 'receptionSchedule' | 'hotline' | 'description'
> & {
  address?: string;
  openingHours?: string;
  receptionSchedule?: string;
  hotline?: string;
  description?: string;
};

export function initialValues(s?: StationDetail): Partial<StationFormValues> {
  if (!s) return { type: 'station', tier: 'basic', status: 'active', starLevel: 0, latitude: null, longitude: null };
  return {
    code: s.code,
    name: s.name,
    type: s.type,
    tier: s.tier,
    regionCode: s.regionCode,
    address: s.address ?? undefined,
    latitude: s.latitude,
    longitude: s.longitude,
    openingHours: s.openingHours ?? undefined,
    receptionSchedule: s.receptionSchedule ?? undefined,
    hotline: s.hotline ?? undefined,
    starLevel: s.starLevel,
    description: s.description ?? undefined,
    status: s.status,
  };
}

const text = (v: string | undefined) => v?.trim() || null;

export function toInput(v: StationFormValues): StationInput {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    type: v.type,
    tier: v.tier,
    regionCode: v.regionCode,
    address: text(v.address),
    latitude: v.latitude ?? null,
    longitude: v.longitude ?? null,
    openingHours: text(v.openingHours),
    receptionSchedule: text(v.receptionSchedule),
    hotline: v.hotline?.replace(/\s+/g, '') || null,
    starLevel: v.starLevel ?? 0,
    description: text(v.description),
    status: v.status,
  };
}

const half = { xs: 24, md: 12, xl: 8 } as const;

interface Props {
  form: FormInstance<StationFormValues>;
  editing?: StationDetail;
  onFinish: (values: StationFormValues) => void;
  footer: ReactNode;
}

export function StationForm({ form, editing, onFinish, footer }: Props) {
  const { t } = useTranslation('stations');
  const rules = stationRules(t);

  // The code starts with the county of the region: offer that prefix once a region is chosen.
  const onRegionChange = (code?: string) => {
    const current = String(form.getFieldValue('code') ?? '').trim();
    if (code && (!current || /^\d{6}-?$/.test(current))) form.setFieldValue('code', `${countyCodeOf(code)}-`);
    if (form.getFieldValue('code')) void form.validateFields(['code']).catch(() => undefined);
  };

  return (
    <Form<StationFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues(editing)}
      onFinish={onFinish}
      scrollToFirstError
    >
      <Flex vertical gap={16}>
        <Card title={t('form.basic')}>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item
                name="name"
                label={t('fields.name')}
                rules={[{ required: true, whitespace: true, message: t('form.rules.nameRequired') }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="regionCode"
                label={t('fields.region')}
                rules={[{ required: true, message: t('form.rules.regionRequired') }]}
              >
                <RegionPicker maxLevel="community" onChange={onRegionChange} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="code"
                label={t('fields.code')}
                dependencies={['regionCode']}
                rules={[{ required: true, message: t('form.rules.codeRequired') }, rules.code]}
                validateFirst
                extra={t('form.codeHint')}
              >
                <Input maxLength={10} placeholder="230102-001" style={{ fontVariantNumeric: 'tabular-nums' }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="type" label={t('fields.type')} rules={[{ required: true }]}>
                <Select options={STATION_TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="tier" label={t('fields.tier')} rules={[{ required: true }]}>
                <Select options={STATION_TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="status" label={t('fields.status')} rules={[{ required: true }]}>
                <Select options={STATION_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="starLevel" label={t('fields.starLevel')} extra={t('form.starHint')}>
                <Rate allowClear />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('form.contact')}>
          <Row gutter={16}>
            <Col xs={24} xl={16}>
              <Form.Item name="address" label={t('fields.address')} rules={[{ max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="hotline" label={t('fields.hotline')} rules={[rules.hotline]} extra={t('form.hotlineHint')}>
                <Input maxLength={30} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="latitude" label={t('fields.latitude')} dependencies={['longitude']} rules={[rules.latitude]}>
                <InputNumber min={-90} max={90} step={0.000001} precision={6} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="longitude" label={t('fields.longitude')} dependencies={['latitude']} rules={[rules.longitude]}>
                <InputNumber min={-180} max={180} step={0.000001} precision={6} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="openingHours" label={t('fields.openingHours')} rules={[{ max: 200 }]}>
                <Input maxLength={200} placeholder={t('form.openingHoursPlaceholder')} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="receptionSchedule" label={t('fields.receptionSchedule')} rules={[{ max: 200 }]}>
                <Input maxLength={200} placeholder={t('form.receptionPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={t('fields.description')} rules={[{ max: 2000 }]}>
                <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {footer}
      </Flex>
    </Form>
  );
}
