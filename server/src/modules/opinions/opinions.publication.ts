import type { z } from 'zod';
import type { SessionUser } from '../../platform/auth/session.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n.js';
import { type Redacted, redact } from '../../platform/text/redact.js';
import type { OpinionDeps } from './opinions.deps.js';
import { openField } from './opinions.person.js';
import { assertMayAct, assertMayView, caseFacts } from './opinions.policy.js';
import { publishedCases, stationIdByCode } from './opinions.publication.repo.js';
import type { PublicationView, PublishedList, PublishedQuery } from './opinions.publication.schema.js';
import { findOpinion, type OpinionRow } from './opinions.repo.js';
import { STATE_LABELS } from './opinions.workflow.js';

/**
 * 公开 (DESIGN §7, issue 3 item 9): a case reaches the public only when it is closed, its constituent
 * agreed to publication, and the office has read and published a redacted wording of it. The
 * automatic redaction runs first (phones, ID numbers, cards, e-mail, the constituent's name and
 * address, door numbers); the office edits; the same redaction runs again over the edit, so a number
 * typed back in does not get out. The public reads the published wording only.
 */

/** Why this case cannot be published (409), or null. */
export function publicationRefusal(row: Pick<OpinionRow, 'state' | 'consentPublish'>): Text | null {
  if (row.state !== 'closed') {
    const s = STATE_LABELS[row.state];
    return {
      zh: `意见当前状态为“${s.zh}”，办结后才能公开`,
      en: `The opinion is ${s.en.toLowerCase()}: only closed opinions are published`,
    };
  }
  if (!row.consentPublish) {
    return { zh: '群众未同意公开该意见，不能公开', en: 'The constituent did not agree to publication' };
  }
  return null;
}

export function assertPublishable(row: OpinionRow): void {
  const refusal = publicationRefusal(row);
  if (refusal) throw new AppError(409, row.state === 'closed' ? 'NO_PUBLISH_CONSENT' : 'OPINION_NOT_CLOSED', refusal);
}

/** The constituent's own name and address, known to the case, are masked wherever they appear. */
export function redactorFor(crypto: FieldCrypto, row: OpinionRow): (text: string) => Redacted {
  const names = [openField(crypto, row.submitterNameEnc)];
  const addresses = [openField(crypto, row.submitterAddressEnc)];
  return (text) => redact(text, { names, addresses });
}

const merge = (...all: Redacted['found'][]) => {
  const out: Record<string, number> = {};
  for (const found of all) for (const [k, n] of Object.entries(found)) out[k] = (out[k] ?? 0) + (n ?? 0);
  return out;
};

/** The office's page of a case's publication: the draft to edit, or the wording now published. */
export async function publicationOf(
  deps: Pick<OpinionDeps, 'db' | 'crypto'>,
  user: SessionUser,
  id: string,
): Promise<z.infer<typeof PublicationView>> {
  const row = await findOpinion(deps.db, id);
  if (!row) throw notFound('意见', 'Opinion');
  const facts = await caseFacts(deps.db, user, row);
  assertMayView(facts);
  assertMayAct(facts);
  const clean = redactorFor(deps.crypto, row);
  const [title, text, reply] = [
    clean(row.publishedTitle ?? row.title),
    clean(row.publishedText ?? row.content),
    clean(row.publishedReply ?? row.replyText ?? ''),
  ];
  return {
    opinionId: row.id,
    state: row.state,
    consentPublish: row.consentPublish,
    published: row.published,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    refusal: publicationRefusal(row),
    draft: { title: title.text, text: text.text, reply: reply.text || null },
    found: merge(title.found, text.found, reply.found),
  };
}

export async function listPublished(
  deps: Pick<OpinionDeps, 'db'>,
  q: z.infer<typeof PublishedQuery>,
): Promise<z.infer<typeof PublishedList>> {
  let stationId: string | undefined;
  if (q.stationCode) {
    stationId = await stationIdByCode(deps.db, q.stationCode);
    if (!stationId) throw notFound('联络站', 'Station');
  }
  const { items, total } = await publishedCases(deps.db, {
    stationId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    page: q.page,
    total,
    items: items.map((r) => ({
      id: r.id,
      // A published row always has its wording and date (opinions_published_ck).
      title: r.title ?? '',
      text: r.text ?? '',
      reply: r.reply,
      replyResult: r.replyResult,
      category: r.category,
      stationCode: r.stationCode,
      stationName: r.stationName,
      receivedOn: chinaDate(r.receivedAt),
      closedOn: r.closedAt ? chinaDate(r.closedAt) : null,
      publishedAt: (r.publishedAt ?? r.receivedAt).toISOString(),
    })),
  };
}
