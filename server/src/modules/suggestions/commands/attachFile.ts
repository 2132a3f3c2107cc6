import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, notFound } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { safeFilename, sniffAttachment } from '../suggestions.files.js';
import { attachFile as attach, countFiles, detachFile, insertFile, touch } from '../suggestions.repo.js';
import { LIMITS } from '../suggestions.schema.js';
import { assertLead, assertStateIn, changeBeside } from '../suggestions.side.js';

/** The lead deputy attaches a file to a draft (a photo, a survey, a table); the type is read from the bytes. */
export async function attachFile(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  file: { filename: string; content: Buffer },
) {
  const mimeType = sniffAttachment(file.content);
  if (!mimeType) {
    throw badRequest('FILE_TYPE', {
      zh: '只能上传 PDF、JPEG、PNG、WebP、Word（.docx）或 Excel（.xlsx）文件',
      en: 'Only PDF, JPEG, PNG, WebP, Word (.docx) or Excel (.xlsx) files can be attached',
    });
  }
  const filename = safeFilename(file.filename);
  return changeBeside(deps, ctx, id, async ({ tx, row, facts, now }) => {
    assertLead(facts);
    assertStateIn(row, ['draft'], { zh: '添加附件', en: 'attach files' });
    if ((await countFiles(tx, row.id, 'attachment')) >= LIMITS.attachments) {
      throw badRequest('TOO_MANY_FILES', {
        zh: `附件最多 ${LIMITS.attachments} 个`,
        en: `At most ${LIMITS.attachments} attachments`,
      });
    }
    const saved = await insertFile(tx, {
      regionCode: row.regionCode,
      filename,
      mimeType,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      createdBy: ctx.user?.id ?? null,
      createdAt: now,
    });
    await attach(tx, {
      suggestionId: row.id,
      fileId: saved.id,
      regionCode: row.regionCode,
      kind: 'attachment',
      createdBy: ctx.user?.id ?? null,
      at: now,
    });
    const after = await touch(tx, row.id, now);
    await announce(tx, ctx, after, row, {
      action: 'attach',
      data: { fileId: saved.id, filename, mimeType, size: saved.size },
      topics: ['suggestion.file_attached'],
      at: now,
    });
    return saved;
  });
}

/** The lead deputy removes an attachment from a draft. */
export async function removeFile(deps: SuggestionDeps, ctx: RequestContext, id: string, fileId: string) {
  return changeBeside(deps, ctx, id, async ({ tx, row, facts, now }) => {
    assertLead(facts);
    assertStateIn(row, ['draft'], { zh: '删除附件', en: 'remove files' });
    if (!(await detachFile(tx, row.id, fileId, 'attachment'))) throw notFound('附件', 'Attachment');
    const after = await touch(tx, row.id, now);
    await announce(tx, ctx, after, row, {
      action: 'detach',
      data: { fileId },
      topics: ['suggestion.file_removed'],
      at: now,
    });
    return after;
  });
}
