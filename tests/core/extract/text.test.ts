import { describe, expect, it } from 'vitest';
import { headlineFromText, htmlToText } from '../../../lambdas/core/extract/text.ts';

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['<p>Fish &amp; chips&nbsp;&pound;5 &#8211; &ldquo;good&rdquo;</p>', 'Fish & chips £5 – “good”'],
    ['<p>Split\n   across\tlines</p>', 'Split across lines'],
    ['<p>Line one<br>Line two</p>', 'Line one\nLine two'],
    ['<div>Loose text<p>Para</p>tail</div>', 'Loose text\n\nPara\n\ntail'],
    ['<ul><li>First</li><li>Second <b>bold</b></li></ul>', 'First\n\nSecond bold'],
    ['<p>Keep</p><script>var x = "<p>no</p>";</script><style>p{}</style>', 'Keep'],
    ['Plain text, no tags', 'Plain text, no tags'],
    ['<p>zero\u200bwidth</p><p>   </p>', 'zerowidth'],
    ['', ''],
  ])('%j → %j', (html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});

describe('headlineFromText', () => {
  it.each([
    ['Staff voted to form a mutual. The vote was close.', 'Staff voted to form a mutual.'],
    ['No full stop here\n\nSecond paragraph.', 'No full stop here'],
    [
      'A very long opening sentence about a council library service that is moving into a staff-owned mutual with the support of the government',
      'A very long opening sentence about a council library service that is moving into a staff-owned…',
    ],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(headlineFromText(text)).toBe(expected);
  });
});
