import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../../lambdas/core/extract/sanitize.ts';

const BASE = 'https://www.example.org/news/2013/story.html';

describe('sanitizeArticleHtml', () => {
  it.each([
    ['<p>Before<script>alert("x")</script> after</p>', '<p>Before after</p>'],
    ['<style>p { color: red }</style><p>Text</p>', '<p>Text</p>'],
    ['<p onclick="steal()" onmouseover="x()" style="color:red" class="lead">Text</p>', '<p>Text</p>'],
    ['<a href="javascript:alert(1)">Click</a>', 'Click'],
    ['<a href="JaVaScRiPt:alert(1)">Click</a>', 'Click'],
    ['<a href="data:text/html,<script>x</script>">Data</a>', 'Data'],
    ['<a href="/other" onclick="x()" target="_blank">Other</a>', '<a href="https://www.example.org/other">Other</a>'],
    ['<a href="related.html">Rel</a>', '<a href="https://www.example.org/news/2013/related.html">Rel</a>'],
    ['<a href="mailto:press@example.org">Press</a>', '<a href="mailto:press@example.org">Press</a>'],
    ['<a>No target</a>', 'No target'],
    ['<iframe src="https://evil.example/"><p>fallback</p></iframe><p>Kept</p>', '<p>Kept</p>'],
    ['<img src="x.jpg" onerror="steal()" alt="Staff"><p>Text</p>', '<p>Text</p>'],
    ['<div><section><p>Deep</p></section></div>', '<p>Deep</p>'],
    ['<h1>Top</h1><h5>Small</h5>', '<h2>Top</h2><h4>Small</h4>'],
    ['<p><b>Bold</b> and <i>italic</i></p>', '<p><strong>Bold</strong> and <em>italic</em></p>'],
    ['<ul><li>One</li></ul><blockquote>Quote</blockquote>', '<ul><li>One</li></ul><blockquote>Quote</blockquote>'],
    ['<p>Fish &amp; chips &lt;3</p>', '<p>Fish &amp; chips &lt;3</p>'],
    ['<p> </p><p>Text</p>', '<p>Text</p>'],
    ['<svg><script>x()</script><text>drawn</text></svg><p>Text</p>', '<p>Text</p>'],
  ])('%s → %s', (html, expected) => {
    expect(sanitizeArticleHtml(html, BASE)).toBe(expected);
  });
});
