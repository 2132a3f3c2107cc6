import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { AppDeps } from '../app.js';
import { type InboxSubmission, insertSubmissions } from '../modules/opinions/opinions.inbox.repo.js';
import { sealSubmitter } from '../modules/opinions/opinions.privacy.js';
import { newTrackingCode } from '../modules/opinions/opinions.rules.js';
import type { AppInstance } from '../platform/http.js';

/** A JPEG's first bytes (SOI + JFIF APP0): enough for a type sniffer; the bytes are stored as they are. */
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(300, 7),
]);

/** A real PNG (a QR code), as a phone's screenshot would be. */
export const pngPhoto = (): Promise<Buffer> => QRCode.toBuffer('lianluo', { type: 'png', width: 64 });

/** A fresh mobile number, so that tests do not meet each other's per-phone limit. */
export const randomMobile = () => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

export interface FilePart {
  filename: string;
  content: Buffer | string;
  contentType?: string;
  field?: string;
}

/** A multipart/form-data body of text fields and files, as a browser's FormData sends it. */
export function formData(fields: Record<string, string>, files: FilePart[] = []) {
  const boundary = `----lianluo${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
      Buffer.from(value),
      Buffer.from('\r\n'),
    );
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'photos'}"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.contentType ?? 'image/jpeg'}\r\n\r\n`,
      ),
      Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The portal form's fields for a station, with a fresh phone and the consent given. */
export function portalFields(stationCode: string, o: Record<string, string> = {}): Record<string, string> {
  return {
    stationCode,
    content: '小区门口的路灯坏了一个月，晚上出行不安全。',
    name: '王小明',
    phone: randomMobile(),
    consentShare: 'true',
    ...o,
  };
}

export interface SubmitOptions {
  photos?: FilePart[];
  /** The client's address: each test uses its own, so the per-address limits do not meet. */
  ip?: string;
  key?: string;
  headers?: Record<string, string>;
}

export function submitToPortal(app: AppInstance, fields: Record<string, string>, o: SubmitOptions = {}) {
  const form = formData(fields, o.photos);
  return app.inject({
    method: 'POST',
    url: '/api/public/opinions',
    payload: form.payload,
    headers: { ...form.headers, ...(o.key ? { 'idempotency-key': o.key } : {}), ...o.headers },
    remoteAddress: o.ip ?? randomIp(),
  });
}

/** An address from the documentation ranges, unlikely to repeat within a run. */
export const randomIp = () => `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;

interface SubmissionOptions {
  stationCode: string;
  phone?: string;
  trackingCode?: string;
  key?: string;
  categoryId?: string;
  receivedAt?: Date;
}

/** A public submission as the portal hands it to the inbox, sealed, a minute old unless told. */
export function inboxSubmission(deps: AppDeps, o: SubmissionOptions): InboxSubmission {
  return {
    id: randomUUID(),
    trackingCode: o.trackingCode ?? newTrackingCode(),
    stationCode: o.stationCode,
    channel: 'qr',
    categoryId: o.categoryId ?? null,
    content: '路口的红绿灯坏了，早晚高峰很危险。',
    placeText: '和平路口',
    latitude: null,
    longitude: null,
    ...sealSubmitter(deps.crypto, { name: '赵六', phone: o.phone ?? randomMobile(), address: null }),
    nameHidden: true,
    consentShare: true,
    consentPublish: false,
    idempotencyKey: o.key ?? null,
    photoIds: [],
    ip: '198.51.100.7',
    userAgent: 'test-phone',
    receivedAt: o.receivedAt ?? new Date(Date.now() - 60_000),
  };
}

/**
 * A submission put in the inbox as the portal's statement does, without waking the registrar (as
 * after a crash): several wait together and are registered in one batch.
 */
export async function waitingSubmission(deps: AppDeps, o: SubmissionOptions) {
  const phone = o.phone ?? randomMobile();
  const [received] = await insertSubmissions(deps.db, [inboxSubmission(deps, { ...o, phone })], 5);
  if (!received) throw new Error('not written');
  return { ...received, phone };
}
