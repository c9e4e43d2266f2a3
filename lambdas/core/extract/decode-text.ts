import { charsetFromContentType, decodeFeedBytes } from '../parse/charset.ts';

/** A charset an HTML page declares in its first bytes (`<meta charset>` or `http-equiv`). */
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i;
const SNIFF_BYTES = 1024;

/**
 * The text of an HTML page's bytes. The charset comes from the Content-Type header, else the
 * page's `<meta>` declaration, checked against the bytes by the same detector that reads feeds
 * (byte order marks, UTF-8 evidence, Windows-1252 for legacy bytes).
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string): string {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const declared = charsetFromContentType(contentType) ?? META_CHARSET.exec(head)?.[1];
  return decodeFeedBytes(bytes, declared ? `text/html; charset=${declared}` : undefined);
}
