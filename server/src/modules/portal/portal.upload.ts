import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { z } from 'zod';
import { NUL_TEXT, nulPath } from '../../platform/error-handler.js';
import { AppError, badRequest } from '../../platform/errors.js';
import { MAX_CONTENT_CHARS } from '../opinions/opinions.schema.js';
import { IntakeFields, type IntakeInput, IntakeJson } from './portal.schema.js';

export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** A form field longer than this is cut by the parser; no field of the form needs a tenth of it. */
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_FIELDS = 20;

/** What a constituent's phone takes: JPEG, PNG, WebP, and HEIC/HEIF from iPhones. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);

export interface Photo {
  filename: string;
  mimeType: string;
  content: Buffer;
}

interface IntakeForm {
  fields: Record<string, string>;
  photos: Photo[];
}

export interface Intake {
  fields: IntakeInput;
  photos: Photo[];
}

const photoTooLarge = () =>
  new AppError(413, 'PHOTO_TOO_LARGE', {
    zh: `每张照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，请压缩后重新上传`,
    en: `Each photo must not exceed ${MAX_PHOTO_BYTES / 1024 / 1024} MB; make it smaller and try again`,
  });

const tooManyPhotos = () =>
  badRequest('PHOTO_COUNT', {
    zh: `最多上传 ${MAX_PHOTOS} 张照片`,
    en: `At most ${MAX_PHOTOS} photos can be uploaded`,
  });

/** The limits of the multipart parser, turned into messages a constituent understands. */
function translateLimit(err: unknown): unknown {
  switch ((err as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return photoTooLarge();
    case 'FST_FILES_LIMIT':
      return tooManyPhotos();
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return badRequest('FORM_TOO_LARGE', { zh: '表单字段过多', en: 'The form has too many fields' });
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return badRequest('FORM_INVALID', { zh: '表单格式不正确', en: 'The form is malformed' });
    default:
      return err;
  }
}

/** The photo's real type, from its bytes: a text file renamed .jpg is refused. */
async function sniffPhoto(content: Buffer, filename: string): Promise<string> {
  const type = await fileTypeFromBuffer(content);
  if (!type || !PHOTO_TYPES.has(type.mime)) {
    throw badRequest(
      'PHOTO_TYPE',
      {
        zh: `“${filename || '照片'}”不是 JPEG、PNG、WebP 或 HEIC 格式的图片`,
        en: `"${filename || 'the photo'}" is not a JPEG, PNG, WebP or HEIC image`,
      },
      { filename },
    );
  }
  return type.mime;
}

const cleanName = (name: string, i: number) => name.replace(/[\\/\r\n\0]/g, '_').slice(0, 200) || `photo-${i + 1}`;

/** Validation failures of the submission's fields, worded by the platform's error handler like any body's. */
function formInvalid(issues: unknown[]) {
  return Object.assign(new Error('Validation failed'), {
    code: 'FST_ERR_VALIDATION',
    statusCode: 400,
    validation: issues,
    validationContext: 'body',
  });
}

function checked(schema: z.ZodType<IntakeInput>, input: unknown): IntakeInput {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw formInvalid(parsed.error.issues);
  return parsed.data;
}

/**
 * A public submission: the multipart form (with photos or without), or a JSON object when there are
 * no photos. Everything is checked before anything is written.
 */
export async function readIntake(req: FastifyRequest): Promise<Intake> {
  if (req.isMultipart()) {
    const form = await readIntakeForm(req);
    return { fields: checked(IntakeFields, form.fields), photos: form.photos };
  }
  const body: unknown = req.body;
  // Of the parsers on this route, only JSON's makes an object.
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    if (nulPath(body)) throw badRequest('CONTROL_CHARACTER', NUL_TEXT);
    return { fields: checked(IntakeJson, body), photos: [] };
  }
  throw badRequest('NOT_MULTIPART', {
    zh: '请以表单上传方式（multipart/form-data）或 JSON 对象提交',
    en: 'Send the form as multipart/form-data, or as a JSON object',
  });
}

/**
 * Reads the portal's form: text fields, and up to six photos of at most 5 MB each, each sniffed from
 * its bytes as soon as it has arrived. Everything is checked before anything is written.
 */
async function readIntakeForm(req: FastifyRequest): Promise<IntakeForm> {
  const fields: Record<string, string> = {};
  const photos: Photo[] = [];
  try {
    const parts = req.parts({
      limits: {
        fileSize: MAX_PHOTO_BYTES,
        files: MAX_PHOTOS,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: MAX_PHOTOS + MAX_FIELDS,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.valueTruncated) {
          throw badRequest(
            'FIELD_TOO_LONG',
            part.fieldname === 'content'
              ? {
                  zh: `意见内容不能超过 ${MAX_CONTENT_CHARS} 个字`,
                  en: `The opinion is limited to ${MAX_CONTENT_CHARS} characters`,
                }
              : { zh: `“${part.fieldname}”内容过长`, en: `The field ${part.fieldname} is too long` },
          );
        }
        if (Object.hasOwn(fields, part.fieldname)) {
          throw badRequest('FIELD_REPEATED', {
            zh: `表单字段“${part.fieldname}”重复`,
            en: `The field ${part.fieldname} is given twice`,
          });
        }
        const value = String(part.value);
        if (value.includes('\u0000')) throw badRequest('CONTROL_CHARACTER', NUL_TEXT);
        fields[part.fieldname] = value;
        continue;
      }
      const content = await part.toBuffer();
      // A form's empty file input sends a nameless, empty part: no photo chosen.
      if (content.length === 0 && !part.filename) continue;
      if (part.fieldname !== 'photos' && part.fieldname !== 'photo') {
        throw badRequest('UNEXPECTED_FILE', {
          zh: `不支持的上传字段“${part.fieldname}”，照片请用 photos 字段`,
          en: `Unexpected file field ${part.fieldname}; send photos as photos`,
        });
      }
      const mimeType = await sniffPhoto(content, part.filename ?? '');
      photos.push({ filename: cleanName(part.filename ?? '', photos.length), mimeType, content });
    }
  } catch (err) {
    throw translateLimit(err);
  }
  return { fields, photos };
}
