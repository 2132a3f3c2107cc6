import { sniffImage } from '../deputies/deputies.files.js';

/** A deputy's attachments: at most this large each. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * What an attachment really is, from its bytes, not its name: PDF, JPEG, PNG, WebP, or a Word or
 * Excel document (a zip whose directory names the document part). Anything else is refused.
 */
export function sniffAttachment(buf: Buffer): string | undefined {
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  const image = sniffImage(buf);
  if (image) return image;
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x504b0304) {
    // The central directory at the end lists every part by name.
    const names = buf.toString('latin1', Math.max(0, buf.length - 64 * 1024));
    if (!names.includes('[Content_Types].xml')) return undefined;
    if (names.includes('word/document.xml')) return DOCX_MIME;
    if (names.includes('xl/workbook.xml')) return XLSX_MIME;
  }
  return undefined;
}

/** A file name safe to store and to send back in a header. */
export const safeFilename = (name: string) => name.replace(/[\\/\r\n\0"]/g, '_').slice(0, 200) || 'file';
