import { createHash } from 'node:crypto';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/errors.js';
import { sniffImage } from '../../deputies/deputies.files.js';
import { nowOf, type OpinionDeps } from '../opinions.deps.js';
import { insertFile } from '../opinions.repo.js';
import { assertOpen } from '../opinions.side.js';
import { openCaseToAct } from '../opinions.transition.js';

export const MAX_REPLY_FILE_BYTES = 10 * 1024 * 1024;

/** What a reply may carry: the letter as PDF, and photos of the work done. Decided by the bytes, not the name. */
function sniffAttachment(buf: Buffer): string | undefined {
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return sniffImage(buf);
}

/**
 * Stores a file for a case's reply: whoever may act on the case uploads it, then names it in the
 * reply, which attaches it. Nothing is attached here, so an upload never changes the case.
 */
export async function uploadOpinionFile(
  deps: OpinionDeps,
  ctx: RequestContext,
  opinionId: string,
  file: { filename: string; content: Buffer },
) {
  const mimeType = sniffAttachment(file.content);
  if (!mimeType) {
    throw badRequest('FILE_TYPE', {
      zh: '只能上传 PDF、JPEG、PNG 或 WebP 文件',
      en: 'Only PDF, JPEG, PNG or WebP files can be uploaded',
    });
  }
  const filename = file.filename.replace(/[\\/\r\n\0]/g, '_').slice(0, 200) || 'file';
  return deps.db.transaction(async (tx) => {
    const { row } = await openCaseToAct(tx, ctx, opinionId);
    assertOpen(row);
    const saved = await insertFile(tx, {
      regionCode: row.regionCode,
      filename,
      mimeType,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      createdBy: ctx.user?.id ?? null,
      createdAt: nowOf(deps),
    });
    await recordAudit(tx, ctx, {
      action: 'opinion.file_uploaded',
      entityType: 'opinion',
      entityId: row.id,
      regionCode: row.regionCode,
      after: { fileId: saved.id, filename, mimeType, size: saved.size },
    });
    return saved;
  });
}
