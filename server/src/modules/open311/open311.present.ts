import type { Locale, Text } from '../../platform/i18n.js';
import { redact } from '../../platform/text/redact.js';
import type { ReplyResult } from '../opinions/opinions.tables.js';
import { isClosed, STATE_LABELS } from '../opinions/opinions.workflow.js';
import type { CategoryRow } from '../routing/categories.repo.js';
import type { Open311Case } from './open311.repo.js';
import type { ServiceRequestItem } from './open311.schema.js';

/** Open311 dates are W3C date-times; China time reads naturally to the clients of a Chinese installation. */
export function w3c(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

const RESULT_LABELS: Record<ReplyResult, Text> = {
  resolved: { zh: '已解决', en: 'resolved' },
  basically_resolved: { zh: '基本解决', en: 'basically resolved' },
  being_resolved: { zh: '正在解决', en: 'being resolved' },
  cannot_resolve_now: { zh: '暂不能解决', en: 'cannot be resolved for now' },
};

export function categoryName(c: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === 'en' ? (c.nameEn ?? c.name) : c.name;
}

/** The categories as Open311 services: the code is the service_code, the parent's name the group. */
export function presentServices(rows: CategoryRow[], locale: Locale) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((r) => {
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    return {
      service_code: r.code,
      service_name: categoryName(r, locale),
      description: r.description ?? '',
      metadata: true,
      type: 'realtime' as const,
      keywords: r.code,
      group: categoryName(parent ?? r, locale),
    };
  });
}

/**
 * One case as an Open311 service request. Only a case whose constituent agreed to publish it shows
 * what was written and where (the office's published wording when it made one); any other case shows
 * its status alone. No name, phone, address of the person, reply text or photo is ever shown.
 */
export function presentRequest(c: Open311Case, locale: Locale): ServiceRequestItem {
  const closed = isClosed(c.state);
  const state = STATE_LABELS[c.state][locale];
  const result = c.replyResult ? RESULT_LABELS[c.replyResult][locale] : null;
  const open = c.consentPublish;
  return {
    service_request_id: c.trackingCode,
    status: closed ? 'closed' : 'open',
    status_notes: result ? `${state}${locale === 'zh' ? '：' : ': '}${result}` : state,
    service_name: c.categoryCode ? categoryName({ name: c.categoryName ?? '', nameEn: c.categoryNameEn }, locale) : null,
    service_code: c.categoryCode,
    // Until the office words it, the text goes out through the automatic redaction at least.
    description: open ? (c.published && c.publishedText ? c.publishedText : redact(c.content).text) : null,
    agency_responsible: c.unitName,
    service_notice: null,
    requested_datetime: w3c(c.receivedAt),
    updated_datetime: w3c(c.updatedAt),
    expected_datetime: !closed && c.dueAt ? w3c(c.dueAt) : null,
    address: open ? c.placeText : null,
    address_id: null,
    zipcode: null,
    lat: open ? c.latitude : null,
    long: open ? c.longitude : null,
    media_url: null,
  };
}
