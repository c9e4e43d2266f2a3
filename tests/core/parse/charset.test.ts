import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeedBytes, detectCharset, replaceC1Controls } from '../../../lambdas/core/parse/charset.ts';

const encodingCorpus = new URL('../../../../shared/corpus/feeds/illformed/feedparser/encoding/', import.meta.url);

const feed = (declaration: string, title: string) => `${declaration}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;
const bytes = (text: string, charset: string, bom = false) => new Uint8Array(iconv.encode(text, charset, { addBOM: bom }));

describe('detectCharset', () => {
  it.each([
    ['a UTF-8 byte order mark', bytes(feed('', 'Café'), 'utf-8', true), 'utf-8'],
    ['a UTF-16LE byte order mark', bytes(feed('<?xml version="1.0" encoding="utf-16"?>', 'Café'), 'utf-16le', true), 'utf-16le'],
    ['a UTF-16BE byte order mark', bytes(feed('<?xml version="1.0" encoding="utf-16"?>', 'Café'), 'utf-16be', true), 'utf-16be'],
    ['a UTF-32LE byte order mark', bytes(feed('', 'Café'), 'utf-32le', true), 'utf-32le'],
    ['a UTF-32BE byte order mark', bytes(feed('', 'Café'), 'utf-32be', true), 'utf-32be'],
    ['UTF-16LE without a mark', bytes(feed('<?xml version="1.0" encoding="utf-16"?>', 'Café'), 'utf-16le'), 'utf-16le'],
    ['UTF-16BE without a mark or declaration', bytes(feed('', 'Café'), 'utf-16be'), 'utf-16be'],
    ['UTF-32BE without a mark', bytes(feed('<?xml version="1.0"?>', 'Café'), 'utf-32be'), 'utf-32be'],
    ['the XML declaration', bytes(feed('<?xml version="1.0" encoding="KOI8-R"?>', 'Пример'), 'koi8-r'), 'koi8-r'],
    ['ISO-8859-1 declared, read as windows-1252', bytes(feed('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Café'), 'latin1'), 'windows-1252'],
    ['no declaration, valid UTF-8', bytes(feed('', 'Café'), 'utf-8'), 'utf-8'],
    ['no declaration, not UTF-8', bytes(feed('', 'Café'), 'windows-1252'), 'windows-1252'],
    ['a bogus encoding name', bytes(feed('<?xml version="1.0" encoding="bogus"?>', 'Café'), 'utf-8'), 'utf-8'],
    ['UTF-16 declared on single-byte text', bytes(feed('<?xml version="1.0" encoding="utf-16"?>', 'Café'), 'windows-1252'), 'windows-1252'],
    ['a legacy charset declared on valid UTF-8', bytes(feed('<?xml version="1.0" encoding="windows-1252"?>', 'Euro €'), 'utf-8'), 'utf-8'],
    ['UTF-8 declared on Latin-1 bytes', bytes(feed('<?xml version="1.0" encoding="utf-8"?>', 'Anaïs Jürgen'), 'latin1'), 'windows-1252'],
  ])('follows %s', (_, input, expected) => {
    expect(detectCharset(input)).toBe(expected);
  });

  it('trusts the HTTP charset over the XML declaration', () => {
    const input = bytes(feed('<?xml version="1.0" encoding="iso-8859-1"?>', 'Привет'), 'windows-1251');
    expect(detectCharset(input, 'application/rss+xml; charset="windows-1251"')).toBe('windows-1251');
    expect(detectCharset(input)).toBe('windows-1252');
  });

  it('trusts a byte order mark over the HTTP charset', () => {
    expect(detectCharset(bytes(feed('', 'x'), 'utf-16le', true), 'text/xml; charset=iso-8859-1')).toBe('utf-16le');
  });

  it('ignores an unknown HTTP charset', () => {
    expect(detectCharset(bytes(feed('<?xml version="1.0" encoding="koi8-r"?>', 'Пример'), 'koi8-r'), 'text/xml; charset=nonsense')).toBe('koi8-r');
  });
});

describe('decodeFeedBytes', () => {
  it.each(['utf-16le-autodetect.xml', 'utf-16be-bom.xml', 'utf-32le.xml', 'utf_32.xml', 'u16.xml', 'utf-8-bom.xml'])(
    'reads the corpus file %s as an XML document without its mark',
    (file) => {
      const text = decodeFeedBytes(readFileSync(new URL(file, encodingCorpus)));
      expect(text.startsWith('<?xml')).toBe(true);
      expect(text).toContain('<rss>');
    },
  );

  it('decodes with the HTTP charset', () => {
    const input = bytes(feed('<?xml version="1.0" encoding="iso-8859-1"?>', '£“test”'), 'windows-1252');
    expect(decodeFeedBytes(input, 'text/xml; charset=windows-1252')).toContain('<title>£“test”</title>');
  });

  it('reads windows-1252 curly quotes in a feed declared ISO-8859-1', () => {
    const input = bytes(feed('<?xml version="1.0" encoding="iso-8859-1"?>', 'don’t'), 'windows-1252');
    expect(decodeFeedBytes(input)).toContain('don’t');
  });
});

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=UTF-8', 'UTF-8'],
    ['application/rss+xml;charset="windows-1252"', 'windows-1252'],
    ['text/xml; format=flowed; charset=koi8-r', 'koi8-r'],
    ['text/xml', undefined],
    [undefined, undefined],
  ])('%s gives %s', (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });
});

describe('replaceC1Controls', () => {
  it('maps C1 controls to the windows-1252 characters they stand for', () => {
    expect(replaceC1Controls('don\u0092t \u0093quote\u0094 \u0080 \u0081')).toBe('don’t “quote” € \u0081');
  });
});
