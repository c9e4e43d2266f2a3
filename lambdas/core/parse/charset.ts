// Turns feed bytes into a string. The character set comes from, in order of trust: a byte order
// mark, the HTTP Content-Type charset, the XML declaration, then a guess (UTF-8 when the bytes
// read as UTF-8, else windows-1252). UTF-16/32 without a mark is recognised by its zero bytes.
// Declarations are checked against the bytes, because sites often declare a charset they do not
// use: as in Miniflux, bytes that are valid UTF-8 (and not plain ASCII) are read as UTF-8 whatever
// legacy charset is declared, and "UTF-8" is not believed when the bytes read poorly as UTF-8.
import iconv from 'iconv-lite';

type Unicode = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

const BOMS: { bytes: number[]; charset: Unicode }[] = [
  // UTF-32LE before UTF-16LE: its mark starts with the UTF-16LE one.
  { bytes: [0xff, 0xfe, 0x00, 0x00], charset: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], charset: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function bomCharset(bytes: Uint8Array): Unicode | undefined {
  return BOMS.find((bom) => startsWith(bytes, bom.bytes))?.charset;
}

/**
 * The Unicode family the first character (`<` or white space, both ASCII) reveals by its zero
 * bytes, as in XML 1.0 appendix F; undefined for ASCII-compatible encodings.
 */
function sniffWideCharset(bytes: Uint8Array): Unicode | undefined {
  if (bytes.length < 4) return undefined;
  const zero = [0, 1, 2, 3].map((i) => bytes[i] === 0);
  const pattern = zero.map((z) => (z ? '0' : 'x')).join('');
  switch (pattern) {
    case '000x':
      return 'utf-32be';
    case 'x000':
      return 'utf-32le';
    case '0x0x':
      return 'utf-16be';
    case 'x0x0':
      return 'utf-16le';
    default:
      return undefined;
  }
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return match?.[2];
}

/** The encoding named in an XML declaration, read from an ASCII-compatible prefix. */
function declaredEncoding(head: string): string | undefined {
  return /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(head)?.[2];
}

// WHATWG: these labels mean windows-1252 on the web (C1 bytes there are curly quotes, dashes...).
const WINDOWS_1252_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1']);

/**
 * The iconv-lite name for a declared label, or undefined when the label is unknown. A UTF-16/32
 * label without a byte order takes the one the bytes show (`wide`).
 */
function resolveLabel(label: string, wide: Unicode | undefined): string | undefined {
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  if (/^utf-?8$/.test(name)) return wide ? undefined : 'utf-8';
  if (/^(utf-?16|ucs-?2|unicode)$/.test(name)) return wide?.startsWith('utf-16') ? wide : undefined;
  if (/^(utf-?32|ucs-?4)$/.test(name)) return wide?.startsWith('utf-32') ? wide : undefined;
  if (/^(utf|ucs)-?(16|32)|^ucs-?[24]/.test(name)) {
    // An explicit UTF-16/32 variant is believed only when the bytes are wide too.
    return wide && iconv.encodingExists(name) ? name : undefined;
  }
  if (wide) return undefined; // an ASCII-family label on wide bytes is wrong
  return iconv.encodingExists(name) ? name : undefined;
}

function isUnicode(name: string): boolean {
  return /^utf|^ucs|^unicode/i.test(name);
}

type Utf8Evidence = 'ascii' | 'valid' | 'mostly' | 'poor';

/**
 * How well the bytes read as UTF-8: plain ASCII, valid, mostly (a UTF-8 feed with a few stray
 * bytes: at least ten valid multi-byte characters for each bad byte), or poor (legacy bytes,
 * where valid sequences only occur by chance).
 */
function utf8Evidence(bytes: Uint8Array): Utf8Evidence {
  if (bytes.every((b) => b < 0x80)) return 'ascii';
  const text = new TextDecoder('utf-8').decode(bytes);
  let good = 0;
  let bad = 0;
  for (const char of text) {
    if (char === '\ufffd') bad++;
    else if (char.charCodeAt(0) >= 0x80) good++;
  }
  if (bad === 0) return 'valid';
  return good >= bad * 10 ? 'mostly' : 'poor';
}

/** The character set to read these bytes with (an iconv-lite name). */
export function detectCharset(bytes: Uint8Array, contentType?: string): string {
  const bom = bomCharset(bytes);
  if (bom) return bom;
  const wide = sniffWideCharset(bytes);
  const head = wide ? iconv.decode(Buffer.from(bytes.subarray(0, 512)), wide) : Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const declared = [charsetFromContentType(contentType), declaredEncoding(head)]
    .map((label) => (label ? resolveLabel(label, wide) : undefined))
    .find((name) => name !== undefined);
  if (wide) return declared ?? wide;
  const evidence = utf8Evidence(bytes);
  if (declared === 'utf-8' || !declared) return evidence === 'poor' ? 'windows-1252' : 'utf-8';
  if (!isUnicode(declared) && evidence === 'valid') return 'utf-8';
  return declared;
}

/** Decodes feed bytes to a string (without its byte order mark), finding the character set. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  const charset = detectCharset(bytes, contentType);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, { stripBOM: true });
}

// C1 control characters (U+0080-U+009F) do not occur in real text: where a feed has them, it
// meant the windows-1252 characters with those codes (curly quotes, dashes), either as bytes
// read as Latin-1 or as numeric references such as `&#146;`. HTML reads such references the same.
const C1_CONTROLS = /[\u0080-\u009f]/g;
const WINDOWS_1252_C1 = new Map(
  Array.from({ length: 32 }, (_, i) => [String.fromCharCode(0x80 + i), iconv.decode(Buffer.from([0x80 + i]), 'windows-1252')] as const).filter(
    ([, char]) => char !== '\ufffd',
  ),
);

/** Replaces C1 control characters by the windows-1252 characters they stand for. */
export function replaceC1Controls(text: string): string {
  return text.replace(C1_CONTROLS, (char) => WINDOWS_1252_C1.get(char) ?? char);
}
