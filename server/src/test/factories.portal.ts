import { randomBytes, randomInt } from 'node:crypto';
import QRCode from 'qrcode';
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
