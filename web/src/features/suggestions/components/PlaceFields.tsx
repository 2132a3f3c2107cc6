import { Alert, Form, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/auth';
import { useCongress, useCongresses } from '../api/congresses';
import type { CongressItem, TermView } from '../api/types';
import { useText } from './format';

/** The term now running: begun, not ended, the latest of them. */
export function currentTerm(terms: TermView[] | undefined, today = dayjs().format('YYYY-MM-DD')): TermView | undefined {
  return (terms ?? [])
    .filter((t) => t.startsOn <= today && (!t.endsOn || t.endsOn >= today))
    .sort((a, b) => b.number - a.number)[0];
}

/**
 * Where the suggestion belongs: the congress (the deputy's own, of the regions above the account),
 * then a session now sitting (大会期间) or the recess of the current term (闭会期间).
 */
export function PlaceFields({ onCongress }: { onCongress: (c: CongressItem | undefined) => void }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  const me = useMe();
  const form = Form.useFormInstance();
  const congresses = useCongresses();
  // A deputy drafts in a congress of the region above or at their own; office staff see their subtree.
  const mine = useMemo(
    () => (congresses.data?.items ?? []).filter((c) => me.role !== 'deputy' || me.regionCode.startsWith(c.regionCode)),
    [congresses.data, me.role, me.regionCode],
  );
  const congressId: string | undefined = Form.useWatch('congressId', form);
  const phase: string | undefined = Form.useWatch('phase', form);
  const congress = useCongress(congressId);
  const today = dayjs().format('YYYY-MM-DD');
  const term = currentTerm(congress.data?.terms, today);
  const openSessions = (term?.sessions ?? []).filter((s) => s.opensOn <= today && s.closesOn >= today);

  useEffect(() => {
    if (!congressId && mine.length > 0) form.setFieldValue('congressId', mine[mine.length - 1]?.id);
  }, [congressId, mine, form]);
  useEffect(() => onCongress(mine.find((c) => c.id === congressId)), [congressId, mine, onCongress]);
  useEffect(() => {
    if (!term) return;
    // Fill in what there is only one choice for; the deputy can still change it.
    if (!form.getFieldValue('phase')) form.setFieldValue('phase', openSessions.length > 0 ? 'session' : 'recess');
    if (!form.getFieldValue('termId')) form.setFieldValue('termId', term.id);
    if (!form.getFieldValue('sessionId') && openSessions.length === 1) form.setFieldValue('sessionId', openSessions[0]?.id);
  }, [term, openSessions, form]);

  return (
    <>
      {congresses.data && mine.length === 0 && (
        <Alert type="warning" showIcon title={t('form.noCongress')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="congressId" label={t('fields.congress')} rules={[{ required: true, message: t('form.congressRequired') }]}>
        <Select
          loading={congresses.isLoading}
          options={mine.map((c) => ({ value: c.id, label: c.name }))}
          onChange={() => form.setFieldsValue({ sessionId: undefined, termId: undefined, phase: undefined })}
        />
      </Form.Item>
      <Form.Item name="phase" label={t('fields.phase')} rules={[{ required: true, message: t('form.placeRequired') }]}>
        <Radio.Group
          optionType="button"
          options={(['session', 'recess'] as const).map((p) => ({ value: p, label: t(`phase.${p}`) }))}
        />
      </Form.Item>
      {phase === 'session' ? (
        <>
          {congress.data && openSessions.length === 0 && (
            <Alert type="info" showIcon title={t('form.noSession')} style={{ marginBottom: 16 }} />
          )}
          <Form.Item name="sessionId" label={t('fields.session')} rules={[{ required: true, message: t('form.placeRequired') }]}>
            <Select options={openSessions.map((s) => ({ value: s.id, label: text(s.label) }))} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="termId" label={t('fields.term')} rules={[{ required: true, message: t('form.placeRequired') }]}>
          <Select
            options={(congress.data?.terms ?? [])
              .filter((x) => x.id === term?.id)
              .map((x) => ({
                value: x.id,
                label: t('fields.termLabel', { congress: congress.data?.name ?? '', number: x.number }),
              }))}
          />
        </Form.Item>
      )}
    </>
  );
}
