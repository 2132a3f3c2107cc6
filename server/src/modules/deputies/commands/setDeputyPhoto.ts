import type { AppDeps } from '../../../app.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, notFound } from '../../../platform/errors.js';
import { sha256, sniffImage } from '../deputies.files.js';
import { assertDeputyInScope } from '../deputies.policy.js';
import { deleteFile, findMandate, findPerson, insertFile, updatePerson } from '../deputies.repo.js';

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/**
 * Stores a deputy's photo. The type comes from the file's first bytes, never from its name or the
 * browser's word; the replaced photo is deleted with the change, as personal data kept no longer than needed.
 */
export async function setDeputyPhoto(
  deps: Pick<AppDeps, 'db'>,
  ctx: RequestContext,
  deputyId: string,
  upload: { filename: string; content: Buffer },
) {
  const user = ctx.user!;
  const mimeType = sniffImage(upload.content);
  if (!mimeType) {
    throw badRequest('PHOTO_TYPE', {
      zh: '照片只支持 JPEG、PNG 或 WebP 格式（按文件内容识别）',
      en: 'The photo must be a JPEG, PNG or WebP image (checked from its content)',
    });
  }
  return deps.db.transaction(async (tx) => {
    const mandate = await findMandate(tx, deputyId);
    if (!mandate) throw notFound('代表', 'Deputy');
    assertDeputyInScope(user, mandate);
    const person = await findPerson(tx, mandate.personId);
    if (!person) throw notFound('代表', 'Deputy');
    const file = await insertFile(tx, {
      regionCode: person.regionCode,
      filename: upload.filename.slice(0, 200),
      mimeType,
      size: upload.content.length,
      sha256: sha256(upload.content),
      content: upload.content,
      createdBy: user.id,
    });
    await updatePerson(tx, person.id, { photoFileId: file.id });
    if (person.photoFileId) await deleteFile(tx, person.photoFileId);
    await recordAudit(tx, ctx, {
      action: 'deputy.photo',
      entityType: 'deputy',
      entityId: mandate.id,
      regionCode: mandate.regionCode,
      before: { photoFileId: person.photoFileId },
      after: { photoFileId: file.id, mimeType, size: upload.content.length },
    });
    return { fileId: file.id, mimeType };
  });
}
