import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../../lambdas/core/parse/errors.ts';
import { expandDeclaredEntities, prefixCanonicaliser, xmlShape } from '../../../lambdas/core/parse/xml-document.ts';

describe('xmlShape', () => {
  it.each([
    ['<rss version="2.0"/>', 'rss'],
    ['<?xml version="1.0"?>\n<!-- a comment with <tags> -->\n<rdf:RDF/>', 'rdf:RDF'],
    ['<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "<b>">]><rss/>', 'rss'],
    ['<!DOCTYPE html>\n<html lang="en"></html>', 'html'],
    ['<?xml-stylesheet href="a.xsl"?><feed xmlns="http://www.w3.org/2005/Atom"/>', 'feed'],
  ])('finds the root of %j', (text, root) => {
    expect(xmlShape(text)?.root).toBe(root);
  });

  it.each(['', 'plain text', '<!-- only a comment -->', '{"json": true}'])('finds no root in %j', (text) => {
    expect(xmlShape(text)).toBeUndefined();
  });
});

describe('expandDeclaredEntities', () => {
  const expand = (text: string) => expandDeclaredEntities(text, xmlShape(text)!);

  it('expands the entities of the internal DTD, including references between them', () => {
    const text = '<!DOCTYPE rss [<!ENTITY a "A&b;"><!ENTITY b \'B\'>]><rss><t>&a; &b; &amp; &lt;</t></rss>';
    expect(expand(text)).toBe('<!DOCTYPE rss [<!ENTITY a "A&b;"><!ENTITY b \'B\'>]><rss><t>AB B &amp; &lt;</t></rss>');
  });

  it('leaves a document without a DTD alone', () => {
    expect(expand('<rss>&amp;</rss>')).toBe('<rss>&amp;</rss>');
  });

  it('refuses an entity bomb', () => {
    const big = 'x'.repeat(1_000_000);
    const text = `<!DOCTYPE rss [<!ENTITY a "${big}"><!ENTITY b "&a;&a;&a;">]><rss>&b;&b;</rss>`;
    expect(() => expand(text)).toThrow(FeedParseError);
  });
});

describe('prefixCanonicaliser', () => {
  it('strips RSS prefixes and gives known namespaces their usual prefix', () => {
    const text = '<x:rss xmlns:x="http://backend.userland.com/rss2" xmlns:dublin="http://purl.org/dc/elements/1.1/" xmlns:a10="http://www.w3.org/2005/Atom" xmlns:z="http://z.example/">';
    const canonical = prefixCanonicaliser(text, 'rss');
    expect(['x:rss', 'x:item', 'dublin:creator', 'a10:updated', 'z:description', 'description', 'rdf:about'].map(canonical)).toEqual([
      'rss',
      'item',
      'dc:creator',
      'atom:updated',
      'z:description',
      'description',
      'rdf:about',
    ]);
  });

  it('strips the Atom prefix in an Atom document', () => {
    const canonical = prefixCanonicaliser('<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">', 'feed');
    expect(canonical('atom:entry')).toBe('entry');
  });

  it('leaves a prefix bound to two namespaces alone', () => {
    const text = '<rss xmlns:d="http://purl.org/dc/elements/1.1/"><i xmlns:d="http://purl.org/dc/terms/"/></rss>';
    expect(prefixCanonicaliser(text, 'rss')('d:date')).toBe('d:date');
  });
});
