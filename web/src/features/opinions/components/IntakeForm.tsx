import { Alert, Button, Card, Checkbox, Col, DatePicker, Flex, Form, type FormInstance, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../../components/RegionPicker';
import { useStationMembers } from '../api/lookups';
import { useReceptions } from '../api/receptions';
import { MAX_CONTENT_CHARS, OPINION_CHANNELS, type OpinionChannel } from '../api/types';
import { CategorySelect, StationSelect } from './Pickers';

export interface IntakeValues {
  stationId?: string;
  regionCode?: string;
  channel: OpinionChannel;
  categoryId?: string;
  title?: string;
  content: string;
  placeText?: string;
  responsibleDeputyId?: string;
  receptionId?: string;
  receivedAt?: Dayjs | null;
  complex: boolean;
  name?: string;
  phone?: string;
  address?: string;
  nameHidden: boolean;
  consentShare: boolean;
  consentPublish: boolean;
}

/** The same rule as the server's PHONE_RE: a mobile number or a landline with its area code. */
const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const chars = (s: string) => [...s].length;

/** The intake form's fields; the page owns submitting and the result. */
export function IntakeForm({
  form,
  initialValues,
  onFinish,
  submitting,
  problem,
  stationFixed,
}: {
  form: FormInstance<IntakeValues>;
  initialValues: Partial<IntakeValues>;
  onFinish: (v: IntakeValues) => void;
  submitting: boolean;
  problem?: string;
  /** A station's staff record for their own station only. */
  stationFixed: boolean;
}) {
  const { t } = useTranslation('opinions');
  const stationId: string | undefined = Form.useWatch('stationId', form);
  const members = useStationMembers(stationId);
  const receptions = useReceptions({ stationId, pageSize: 50 }, !!stationId);

  return (
    <Form<IntakeValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      onValuesChange={(changed) => {
        // The deputy and the reception belong to the station: a new station clears them.
        if ('stationId' in changed) form.setFieldsValue({ responsibleDeputyId: undefined, receptionId: undefined });
      }}
      scrollToFirstError={{ block: 'center' }}
    >
      <Flex vertical gap={16}>
        <Card title={t('intake.facts')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="stationId"
                label={t('intake.station')}
                dependencies={['regionCode']}
                rules={[
                  ({ getFieldValue }) => ({
                    required: stationFixed || !getFieldValue('regionCode'),
                    message: stationFixed ? t('intake.stationRequired') : t('intake.stationOrRegion'),
                  }),
                ]}
              >
                <StationSelect placeholder={t('intake.stationPlaceholder')} allowClear={!stationFixed} disabled={stationFixed} />
              </Form.Item>
            </Col>
            {/* An opinion that reached the office by the 12345 hotline or a letter may belong to no station. */}
            {!stationFixed && !stationId && (
              <Col xs={24} md={12}>
                <Form.Item name="regionCode" label={t('intake.region')} extra={t('intake.regionHint')}>
                  <RegionPicker maxLevel="community" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item
                name="channel"
                label={t('fields.channel')}
                rules={[{ required: true, message: t('intake.channelRequired') }]}
              >
                <Select options={OPINION_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="categoryId" label={t('fields.category')}>
                <CategorySelect activeOnly placeholder={t('intake.categoryPlaceholder')} />
              </Form.Item>
            </Col>
            {/* With the region column shown the title would stand alone in its row: give it the row. */}
            <Col xs={24} md={!stationFixed && !stationId ? 24 : 12}>
              <Form.Item name="title" label={t('intake.titleField')}>
                <Input maxLength={100} placeholder={t('intake.titlePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="content"
                label={t('fields.content')}
                rules={[
                  { required: true, whitespace: true, message: t('intake.contentRequired') },
                  {
                    validator: (_r, v: string | undefined) =>
                      v && chars(v) > MAX_CONTENT_CHARS
                        ? Promise.reject(new Error(t('intake.contentTooLong', { max: MAX_CONTENT_CHARS })))
                        : Promise.resolve(),
                  },
                ]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 5, maxRows: 14 }}
                  placeholder={t('intake.contentPlaceholder')}
                  count={{ show: true, max: MAX_CONTENT_CHARS, strategy: chars }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="placeText" label={t('intake.place')}>
                <Input maxLength={200} placeholder={t('intake.placePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="responsibleDeputyId" label={t('fields.responsibleDeputy')} extra={t('form.responsibleDeputyHint')}>
                <Select
                  allowClear
                  disabled={!stationId}
                  placeholder={t('intake.deputyPlaceholder')}
                  loading={members.isFetching}
                  options={(members.data ?? []).map((m) => ({ value: m.deputyId, label: m.name }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="receivedAt" label={t('intake.receivedAt')} extra={t('intake.receivedAtHint')}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(1, 'year'), 'day')}
                  inputReadOnly
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="receptionId" label={t('intake.reception')}>
                <Select
                  allowClear
                  disabled={!stationId}
                  placeholder={t('intake.receptionPlaceholder')}
                  loading={receptions.isFetching}
                  options={(receptions.data?.items ?? []).map((r) => ({
                    value: r.id,
                    label: `${r.receivedOn} · ${r.deputies.map((d) => d.name).join('、') || r.station.name}`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="complex" valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>{t('form.complex')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('intake.submitter')}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="name" label={t('intake.name')}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="phone"
                label={t('intake.phone')}
                normalize={(v: string) => v.replace(/\s+/g, '')}
                rules={[{ pattern: PHONE_RE, message: t('intake.phoneInvalid') }]}
              >
                <Input maxLength={30} inputMode="tel" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="address" label={t('intake.address')}>
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="nameHidden" valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>{t('intake.nameHidden')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('intake.consent')}>
          <Form.Item name="consentShare" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('intake.consentShare')}</Checkbox>
          </Form.Item>
          <Form.Item name="consentPublish" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('intake.consentPublish')}</Checkbox>
          </Form.Item>
        </Card>

        {problem && <Alert type="error" showIcon title={problem} />}
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={submitting} size="large" block={false}>
            {t('intake.submit')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
