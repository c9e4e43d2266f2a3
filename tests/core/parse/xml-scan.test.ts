import { describe, expect, it } from 'vitest';
import { nestingDepth, xmlTokens } from '../../../lambdas/core/parse/xml-scan.ts';

const tokens = (text: string) => [...xmlTokens(text)].map((t) => ('name' in t ? `${t.kind}:${t.name}${t.complete ? '' : '…'}` : `${t.kind}:${text.slice(t.start, t.end)}`));

describe('xmlTokens', () => {
  it.each([
    ['tags and text', '<a x="1">t<b/></a>', ['start:a', 'text:t', 'empty:b', 'end:a']],
    ['quoted > and / in attributes', `<a x="1>2" y='/'>`, ['start:a']],
    ['other markup', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "<x>">]><!-- <c> --><![CDATA[<d>]]>', [
      'other:<?xml version="1.0"?>',
      'other:<!DOCTYPE a [<!ENTITY e "<x>">]>',
      'other:<!-- <c> -->',
      'other:<![CDATA[<d>]]>',
    ]],
    ['a tag cut short by a stray <', '<a x="1<b>', ['start:a…', 'start:b']],
    ['a tag cut short by the end', '<a></a', ['start:a', 'end:a…']],
    ['a lone <', 'a < b', ['text:a ', 'text:<', 'text: b']],
    ['an unclosed comment', '<a><!-- never', ['start:a', 'other:<!-- never']],
  ])('scans %s', (_, text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it('stays linear on hostile input', { timeout: 20_000 }, () => {
    for (const text of ['<a'.repeat(300_000), '<!--'.repeat(300_000), '<![CDATA['.repeat(200_000), `<a ${'"'.repeat(1_000_000)}`, '<!DOCTYPE ['.repeat(200_000)]) {
      const started = performance.now();
      expect(Array.from(xmlTokens(text)).length).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });
});

describe('nestingDepth', () => {
  it.each([
    ['<a><b/><c><d>x</d></c></a>', 3],
    ['<a><!-- <b><c><d> --><![CDATA[<e><f>]]></a>', 1],
    ['<a><b></b><b></b></a>', 2],
  ])('measures %s', (text, depth) => {
    expect(nestingDepth(text, 100)).toBe(depth);
  });

  it('stops once past the limit', () => {
    expect(nestingDepth('<a>'.repeat(1_000), 10)).toBe(11);
  });
});
