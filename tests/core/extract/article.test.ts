import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromFeedItem, extractArticle } from '../../../lambdas/core/extract/article.ts';
import { ExtractError } from '../../../lambdas/core/extract/errors.ts';

const page = (name: string): string => readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), 'utf8');

/** Page furniture of the fixtures: none of it may reach a story's text or HTML. */
const FURNITURE = [
  'We use cookies', 'This site uses cookies', 'This website uses cookies', 'Accept and close', 'I agree',
  'Skip to content', 'Jobs board', 'Home', 'Share on Twitter', 'Share on LinkedIn', 'Email this story',
  'Share this:', 'Like this:', 'Like Loading', 'Tweet', 'Print this page', 'Back to top', 'Leave a Reply',
  'You are commenting using your', 'Fill in your details below', 'Notify me of', 'Post Comment',
  'thoughts on', 'Responses to', 'Great news for the staff', 'Brilliant idea', 'Related stories',
  'Related articles', 'Most read', 'Recent posts', 'Latest news', 'Pathfinder mutuals one year on',
  'Council agrees', 'Ipswich road closures', 'Winter pressures ease', 'Sign up to our newsletter',
  'Subscribe to our newsletter', 'Advertisement', 'All rights reserved', 'Privacy policy', 'Copyright',
  'Crown copyright', 'Blog at WordPress.com', 'Jump to:', 'From MutualsWiki', 'Retrieved from',
  'Categories', 'Main page', 'last modified', 'Tagged', 'Tags:', 'Posted in', 'Posted by', 'Search this site',
  'You are here', 'Thursday 12 August 2010', 'Contents',
];

describe('extractArticle on fixture pages', () => {
  it.each([
    {
      file: 'mycsp-json-ld-graph.html',
      pageUrl: 'https://www.psm-today.example/news/mycsp-mutual-joint-venture/?utm_source=rss&utm_medium=feed',
      url: 'https://www.psm-today.example/news/mycsp-mutual-joint-venture/',
      title: 'MyCSP becomes the first mutual joint venture to leave Whitehall',
      published: '2012-04-30T07:15:00.000Z',
      author: 'Helen Carter',
      sentences: [
        'MyCSP, the organisation that administers the Civil Service Pension Scheme, has left the Cabinet Office',
        'Chief executive Paul Kirkby said the move gave staff “a real voice in how the service is run”',
        'A model for other spin-outs',
        'Staff transferring to the new company keep their existing pension rights, the department confirmed.',
      ],
    },
    {
      file: 'leading-lives-json-ld.html',
      pageUrl: 'https://www.bugle.example/news/2014/06/leading-lives-launch?id=5521&utm_source=rss',
      url: 'https://www.bugle.example/news/2014/06/leading-lives-launch?id=5521',
      title: 'Care staff launch Leading Lives as council services go independent',
      published: '2014-06-02T00:00:00.000Z',
      author: 'Tom Wright and Priya Shah',
      sentences: [
        'Services for adults with learning disabilities in Suffolk are now run by Leading Lives',
        '“People told us they wanted the same faces and more say.',
        'Leading Lives was supported through the Cabinet Office’s Mutuals Support Programme',
      ],
    },
    {
      file: 'csh-meta-only.html',
      pageUrl: 'http://healthservicenews.example/community/central-surrey-health-co-owners?page=2',
      url: 'http://healthservicenews.example/community/central-surrey-health-co-owners?page=2',
      title: 'Central Surrey Health staff take a stake in community care',
      published: '2011-03-03T09:30:00.000Z',
      author: 'Mark Ellis',
      sentences: [
        'Nurses and therapists who run community health services in central Surrey',
        'Every employee holds a single share, and staff elect the majority of the board.',
        'rather than on the type of provider.',
      ],
    },
    {
      file: 'pathfinders-dateline.html',
      pageUrl: 'http://www.cabinetoffice.example/newsroom/news_releases/2010/100812-mutuals.aspx',
      url: 'http://www.cabinetoffice.example/newsroom/news_releases/2010/100812-mutuals.aspx',
      title: 'Pathfinder mutuals to lead public service revolution',
      published: '2010-08-12T00:00:00.000Z',
      author: undefined,
      sentences: [
        'Twenty-one pioneering groups of public sector workers will be supported to form mutuals',
        'The pathfinders will show what can be done and help us learn what stands in the way."',
        'For further information contact the press office',
      ],
    },
    {
      file: 'navigo-byline-dateline.html',
      pageUrl: 'https://mutualmatters.example/?p=217',
      url: 'https://mutualmatters.example/2013/02/08/navigo-recovery-college/',
      title: 'Staff and members shape NAViGO’s new recovery college',
      published: '2013-02-08T00:00:00.000Z',
      author: 'Sarah Ahmed',
      sentences: [
        'NAViGO, the social enterprise that provides mental health services in North East Lincolnshire',
        'Service users sit on its members’ council alongside employees and carers',
        'with sessions in community venues across the borough.',
      ],
    },
    {
      file: 'wiki-no-date.html',
      pageUrl: 'https://wiki.mutuals.example/w/index.php?title=Public_service_mutual',
      url: 'https://wiki.mutuals.example/wiki/Public_service_mutual',
      title: 'Public service mutual',
      published: undefined,
      author: undefined,
      sentences: [
        'A public service mutual is an organisation that has left the public sector',
        'History',
        'critics worry that spin-outs may be a step towards privatisation.',
      ],
    },
  ])('$file', ({ file, pageUrl, sentences, ...expected }) => {
    const article = extractArticle(page(file), pageUrl);
    expect({ url: article.url, title: article.title, published: article.published, author: article.author }).toEqual(expected);
    expect(article.extraction).toBe('page');
    for (const sentence of sentences) expect(article.text).toContain(sentence);
    for (const furniture of FURNITURE) {
      expect(article.text).not.toContain(furniture);
      expect(article.html).not.toContain(furniture);
    }
    expect(article.text.startsWith(expected.title)).toBe(false);
    // Paragraphs are separated by one blank line, with no stray white space.
    expect(article.text).not.toMatch(/\n{3,}|[ \t]\n|\n[ \t]| {2}/);
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a sanitised copy of the main content with absolute links', () => {
    const article = extractArticle(page('mycsp-json-ld-graph.html'), 'https://www.psm-today.example/news/mycsp-mutual-joint-venture/');
    expect(article.html).toContain('<h2>A model for other spin-outs</h2>');
    expect(article.html).toContain('<a href="https://www.psm-today.example/tags/employee-ownership/">employee ownership</a>');
    expect(article.html).not.toMatch(/<(script|style|div|span|img|form|nav|header|footer)\b|class=|id=/);
  });
});

describe('extractArticle and the feed', () => {
  it('prefers the feed date to the page date', () => {
    const article = extractArticle(page('csh-meta-only.html'), 'http://healthservicenews.example/x', {
      published: '2011-03-04T08:00:00Z',
    });
    expect(article.published).toBe('2011-03-04T08:00:00.000Z');
  });

  it('takes the title from the page and the feed author only when the page names none', () => {
    const article = extractArticle(page('wiki-no-date.html'), 'https://wiki.mutuals.example/x', {
      title: 'Feed title',
      author: 'Wiki Editors',
    });
    expect(article.title).toBe('Public service mutual');
    expect(article.author).toBe('Wiki Editors');
  });

  it('falls back to the feed summary when the page has no story', () => {
    const article = extractArticle(page('not-found.html'), 'https://www.psm-today.example/news/gone/?utm_source=rss', {
      title: 'Library service becomes a mutual',
      published: 'Tue, 05 Mar 2013 09:00:00 GMT',
      summary: '<p>The library service <b>spun out</b> of the council on Monday.</p>',
    });
    expect(article).toEqual({
      url: 'https://www.psm-today.example/news/gone/',
      title: 'Library service becomes a mutual',
      published: '2013-03-05T09:00:00.000Z',
      author: undefined,
      text: 'The library service spun out of the council on Monday.',
      html: '<p>The library service <strong>spun out</strong> of the council on Monday.</p>',
      extraction: 'feed-summary',
    });
  });

  it('fails cleanly on a page with no story and no summary', () => {
    const read = (): unknown => extractArticle(page('not-found.html'), 'https://www.psm-today.example/news/gone/');
    expect(read).toThrow(ExtractError);
    expect(read).toThrow('extract: no story text found on https://www.psm-today.example/news/gone/');
  });

  it.each(['', 'plain words, no markup', '<p>Too short.</p>'])('fails cleanly on %j', (html) => {
    expect(() => extractArticle(html, 'https://example.org/a')).toThrow(/^extract: no story text found/);
  });

  it('fails cleanly on an invalid page URL', () => {
    expect(() => extractArticle(page('csh-meta-only.html'), 'not a url')).toThrow('extract: not a valid URL: "not a url"');
  });
});

describe('articleFromFeedItem', () => {
  it('builds the story from the feed content, HTML stripped to text', () => {
    const article = articleFromFeedItem({
      sourceId: 'psm-today',
      url: 'https://www.psm-today.example/news/youth-mutual/?utm_source=rss#more',
      title: '  Youth services spin-out signs contract ',
      published: '2013-05-01T10:00:00Z',
      author: 'Helen Carter',
      summary: 'A youth mutual has signed a contract.',
      content: '<p>A youth services mutual has signed a five-year contract &amp; hired 20 staff.</p><p>It is owned by its employees.</p><script>track()</script>',
    });
    expect(article).toEqual({
      url: 'https://www.psm-today.example/news/youth-mutual/',
      title: 'Youth services spin-out signs contract',
      published: '2013-05-01T10:00:00.000Z',
      author: 'Helen Carter',
      text: 'A youth services mutual has signed a five-year contract & hired 20 staff.\n\nIt is owned by its employees.',
      html: '<p>A youth services mutual has signed a five-year contract &amp; hired 20 staff.</p><p>It is owned by its employees.</p>',
      extraction: 'feed-summary',
    });
  });

  it('uses the summary when there is no content, and its first sentence when there is no title', () => {
    const article = articleFromFeedItem({
      sourceId: 's',
      url: 'https://example.org/a',
      summary: 'Staff at the leisure trust voted to become a mutual. The vote was unanimous.',
    });
    expect(article.title).toBe('Staff at the leisure trust voted to become a mutual.');
    expect(article.text).toBe('Staff at the leisure trust voted to become a mutual. The vote was unanimous.');
  });

  it('fails cleanly on an item with neither title nor text', () => {
    expect(() => articleFromFeedItem({ sourceId: 's', url: 'https://example.org/a' })).toThrow(
      'extract: no title or text for https://example.org/a',
    );
  });
});
