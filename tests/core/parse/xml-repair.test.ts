import { describe, expect, it } from 'vitest';
import { repairXml } from '../../../lambdas/core/parse/xml-repair.ts';

describe('repairXml', () => {
  it.each([
    ['escapes bare ampersands in text and attributes', '<a href="?a=1&b=2">x & y &amp; &#38; &#x26; &nbsp;</a>', '<a href="?a=1&amp;b=2">x &amp; y &amp; &#38; &#x26; &nbsp;</a>'],
    ['leaves CDATA and comments alone', '<a><![CDATA[x & y]]><!-- & --></a>', '<a><![CDATA[x & y]]><!-- & --></a>'],
    ['completes a document cut short', '<rss><channel><item><title>t</title></item></channel></rss', '<rss><channel><item><title>t</title></item></channel></rss>'],
    ['closes elements left open, innermost first', '<rss><channel><item><br/><title>t', '<rss><channel><item><br/><title>t</title></item></channel></rss>'],
    ['ignores a > inside an attribute value', '<rss><a title="1 > 0">x</a>', '<rss><a title="1 > 0">x</a></rss>'],
  ])('%s', (_, input, expected) => {
    expect(repairXml(input)).toBe(expected);
  });

  it('returns well-formed XML unchanged', () => {
    const text = '<?xml version="1.0"?><rss><channel><title>a &amp; b</title></channel></rss>';
    expect(repairXml(text)).toBe(text);
  });
});
