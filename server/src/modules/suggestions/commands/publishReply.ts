import type { Tx } from '../../../db/client.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors.js';
import { nowOf, type SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { findPublication, type PublicationRow, updatePublicationGuarded } from '../suggestions.publication.repo.js';
import { identifyingLeft } from '../suggestions.publication.rules.js';
import { findSuggestion } from '../suggestions.repo.js';
import { assertPublishes } from '../suggestions.supervision.policy.js';
import type { PublicationStatus } from '../suggestions.supervision.tables.js';

interface Step {
  tx: Tx;
  publication: PublicationRow;
  now: Date;
}

/** Locks the publication, checks the office may publish in its region, and records the change on the suggestion's timeline. */
async function onPublication(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  action: string,
  work: (s: Step) => Promise<PublicationRow>,
): Promise<PublicationRow> {
  const user = ctx.user;
  if (!user) throw forbidden();
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const publication = await findPublication(tx, id, { forUpdate: true });
    if (!publication) throw notFound('公开稿', 'Publication');
    assertPublishes(user, publication.regionCode);
    const saved = await work({ tx, publication, now });
    const row = await findSuggestion(tx, saved.suggestionId);
    if (row) {
      await announce(tx, ctx, row, null, {
        action,
        data: { publicationId: saved.id, status: saved.status, version: saved.version },
        at: now,
      });
    }
    return saved;
  });
}

const notInStatus = (status: PublicationStatus, what: { zh: string; en: string }) => {
  const label = {
    draft: { zh: '草稿', en: 'a draft' },
    published: { zh: '已公开', en: 'published' },
    unpublished: { zh: '已撤回', en: 'withdrawn' },
  }[status];
  return conflict('PUBLICATION_STATE', {
    zh: `该公开稿当前为“${label.zh}”，不能${what.zh}`,
    en: `The publication is ${label.en}: you cannot ${what.en}`,
  });
};

const EDITABLE: readonly PublicationStatus[] = ['draft', 'unpublished'];

/** The office edits the redacted title and text (never the original) while the reply is not public. */
export function editPublication(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { version: number; title?: string; text?: string; names?: string[] },
): Promise<PublicationRow> {
  return onPublication(deps, ctx, id, 'reply_publication_edited', async ({ tx, publication, now }) => {
    if (!EDITABLE.includes(publication.status))
      throw notInStatus(publication.status, { zh: '修改', en: 'edit it; withdraw it first' });
    const saved = await updatePublicationGuarded(
      tx,
      id,
      EDITABLE,
      body.version,
      {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.text !== undefined ? { text: body.text } : {}),
        ...(body.names !== undefined ? { names: body.names } : {}),
      },
      now,
    );
    if (!saved) {
      throw conflict('VERSION_CONFLICT', {
        zh: '该公开稿已被他人修改，请刷新后重试',
        en: 'Someone else changed this publication; reload and try again',
      });
    }
    return saved;
  });
}

/** Publishes, once nothing that identifies a person is left in what the public will read. */
export function publishPublication(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { version?: number },
): Promise<PublicationRow> {
  return onPublication(deps, ctx, id, 'reply_published', async ({ tx, publication, now }) => {
    if (!EDITABLE.includes(publication.status)) throw notInStatus(publication.status, { zh: '公开', en: 'publish it again' });
    const left = identifyingLeft(publication.title, publication.text, publication.names);
    if (left.length > 0) {
      throw badRequest(
        'PERSONAL_DATA_LEFT',
        {
          zh: '公开文本中仍有电话、身份证号、银行卡号、邮箱或需隐去的姓名，请处理后再公开',
          en: 'The public text still holds a phone, ID or card number, an e-mail address or a name to mask: redact it first',
        },
        { kinds: left },
      );
    }
    const saved = await updatePublicationGuarded(
      tx,
      id,
      EDITABLE,
      body.version ?? null,
      { status: 'published', publishedAt: now, publishedBy: ctx.user?.id ?? null, unpublishedAt: null, unpublishReason: null },
      now,
    );
    if (!saved) {
      throw conflict('VERSION_CONFLICT', {
        zh: '该公开稿已被他人修改，请刷新后重试',
        en: 'Someone else changed this publication; reload and try again',
      });
    }
    return saved;
  });
}

/** Takes a reply off the public page, with the reason; it can be edited and published again. */
export function unpublishPublication(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { reason: string },
): Promise<PublicationRow> {
  return onPublication(deps, ctx, id, 'reply_unpublished', async ({ tx, publication, now }) => {
    if (publication.status !== 'published') throw notInStatus(publication.status, { zh: '撤回', en: 'withdraw it' });
    const saved = await updatePublicationGuarded(
      tx,
      id,
      ['published'],
      null,
      { status: 'unpublished', publishedAt: null, unpublishedAt: now, unpublishReason: body.reason },
      now,
    );
    if (!saved) throw notInStatus('unpublished', { zh: '撤回', en: 'withdraw it' });
    return saved;
  });
}
