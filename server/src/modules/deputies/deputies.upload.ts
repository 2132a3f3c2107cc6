import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../platform/errors.js';

/**
 * Reads the one file of a multipart request into memory, refusing more than `maxBytes`
 * with a message that names the limit.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<{ filename: string; content: Buffer }> {
  if (!req.isMultipart()) {
    throw badRequest('NOT_MULTIPART', {
      zh: '请以文件上传方式（multipart/form-data）提交',
      en: 'Send the file as multipart/form-data',
    });
  }
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw badRequest('NO_FILE', { zh: '请选择要上传的文件', en: 'Choose a file to upload' });
  const mb = Math.round(maxBytes / 1024 / 1024);
  const tooLarge = () =>
    new AppError(413, 'FILE_TOO_LARGE', { zh: `文件不能超过 ${mb} MB`, en: `The file must not exceed ${mb} MB` });
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if (part.file.truncated) throw tooLarge();
  return { filename: part.filename ?? '', content };
}
