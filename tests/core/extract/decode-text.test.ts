import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes } from '../../../lambdas/core/extract/decode-text.ts';

const page = (charsetTag: string, body: string, encoding: string): Uint8Array =>
  iconv.encode(`<html><head>${charsetTag}</head><body><p>${body}</p></body></html>`, encoding);

describe('decodeHtmlBytes', () => {
  it.each([
    ['<meta charset="windows-1252">', 'windows-1252', undefined],
    ['<meta charset="iso-8859-1">', 'windows-1252', undefined],
    ['<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', 'windows-1252', undefined],
    ['', 'windows-1252', 'text/html; charset=windows-1252'],
    ['', 'windows-1252', undefined],
    ['<meta charset="utf-8">', 'utf-8', undefined],
    ['<meta charset="iso-8859-1">', 'utf-8', undefined],
  ])('%s in %s (Content-Type %s)', (tag, encoding, contentType) => {
    const text = decodeHtmlBytes(page(tag, '“£10m” for Suffolk’s mutual', encoding), contentType);
    expect(text).toContain('<p>“£10m” for Suffolk’s mutual</p>');
  });
});
