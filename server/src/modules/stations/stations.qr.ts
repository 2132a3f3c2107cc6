import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Config } from '../../config.js';
import { badRequest } from '../../platform/errors.js';

/** The path of a station's public page in the portal; printed on cards and encoded in QR codes. */
export const publicPathOf = (code: string): string => `/s/${code}`;

// A host header is echoed into a printed QR code: accept only a plain host name or address with a port.
const HOST_RE =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin the public pages are served from: LIANLUO_PUBLIC_URL when set (behind a gateway the
 * console's own host is often internal), else the protocol and host the request came in on.
 */
export function publicOrigin(req: Pick<FastifyRequest, 'protocol' | 'host'>, config: Pick<Config, 'publicUrl'>): string {
  if (config.publicUrl) return config.publicUrl;
  if (!HOST_RE.test(req.host)) {
    throw badRequest('BAD_HOST', { zh: '请求的主机名不正确', en: 'The request has an invalid Host header' });
  }
  return `${req.protocol}://${req.host.toLowerCase()}`;
}

export const publicUrlOf = (origin: string, code: string): string => `${origin}${publicPathOf(code)}`;

// Level M survives a smudged or partly covered print; a 4-module quiet zone is what scanners need.
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export function qrPng(url: string, size: number): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width: size });
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' });
}
