import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { archiveUrl, articleFromFile } from '../../../lambdas/core/extract/archive-file.ts';
import { storyId } from '../../../lambdas/core/extract/canonical-url.ts';
import { ExtractError } from '../../../lambdas/core/extract/errors.ts';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../fixtures/archive/${name}`, import.meta.url));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('articleFromFile on fixture files', () => {
  it.each([
    {
      file: '3bm-launch.txt',
      url: 'https://www.schools-week.example/news/3bm-launch/',
      title: "3BM launches as schools' services go staff-owned",
      published: '2016-04-01T00:00:00.000Z',
      author: 'Dan Okafor',
      text: [
        'Finance, HR and business support for schools in three west London boroughs is now provided by 3BM, a mutual owned by the staff who used to deliver the services for the councils of Hammersmith and Fulham, Kensington and Chelsea, and Westminster.',
        'Around 200 employees moved to the new company, which will sell its services to maintained schools and academies. Staff hold a stake in the business, with the councils keeping a minority share.',
        'The founders said schools wanted a provider that understood the public sector but could move more quickly than a council department.',
      ],
    },
    {
      file: 'leading-lives-windows-1252.txt',
      url: 'archive://back-catalogue/2015/leading-lives-windows-1252.txt',
      title: 'Leading Lives: the first year',
      published: '2015-06-02T00:00:00.000Z',
      author: 'Priya Shah',
      text: [
        '2 June 2015 – Twelve months after spinning out of Suffolk County Council, Leading Lives says staff turnover has fallen and families report “more say” in how services run.',
        'The company now employs 720 people and has a turnover of £18 million, most of it from its contract with the council.',
      ],
    },
    {
      file: 'navigo-anniversary.md',
      url: 'archive://back-catalogue/2015/navigo-anniversary.md',
      title: 'NAViGO marks its first year as a social enterprise',
      published: '2012-10-01T00:00:00.000Z',
      author: 'Sarah Ahmed',
      text: [
        'Monday 1st October 2012. A year after leaving the NHS, NAViGO says its members have shaped more decisions than ever before.',
        'Members first',
        "- Over 1,000 members have joined.\n- The members' council meets every quarter.",
        '"Being a social enterprise means we listen first," said one governor.',
      ],
    },
  ])('$file', ({ file, text, ...expected }) => {
    const article = articleFromFile('back-catalogue', `2015/${file}`, fixture(file));
    expect(article).toEqual({ ...expected, text: text.join('\n\n'), extraction: 'archive' });
  });

  it('reads a saved page in its declared Latin-1 charset, keeping its canonical URL', () => {
    const article = articleFromFile('back-catalogue', 'pathfinders-saved-page.html', fixture('pathfinders-saved-page.html'));
    expect(article).toMatchObject({
      url: 'https://civilservicereview.example/features/pathfinders-one-year-on',
      title: 'Mutual pathfinders: one year on',
      published: '2011-08-12T06:00:00.000Z',
      author: 'Alan Reeves',
      extraction: 'archive',
    });
    expect(article.text).toContain('a support programme with £10 million of funding');
    expect(article.text).not.toMatch(/Home|Features|Civil Service Review 2011/);
  });
});

describe('articleFromFile on other files', () => {
  it('reads UTF-16 text with a byte order mark', () => {
    const file = iconv.encode('Mutual news\r\nDate: 3 March 2011\r\n\r\nStaff took over the service.', 'utf-16le', { addBOM: true });
    expect(articleFromFile('a', 'note.txt', file)).toMatchObject({
      title: 'Mutual news',
      published: '2011-03-03T00:00:00.000Z',
      text: 'Staff took over the service.',
    });
  });

  it('keeps body lines that look like headers once the header block has ended', () => {
    const article = articleFromFile('a', 'note.txt', bytes('Title\n\nSource: NHS figures show a rise in staff-led services.\n'));
    expect(article.text).toBe('Source: NHS figures show a rise in staff-led services.');
    expect(article.url).toBe('archive://a/note.txt');
  });

  it('reads a markdown file whose opening rule never closes as an ordinary note', () => {
    expect(articleFromFile('a', 'rule.md', bytes('---\n# Heading\n\nBody *text*.'))).toMatchObject({ title: 'Heading', text: 'Body text.' });
  });

  it('ignores a Source header that is not a web address', () => {
    expect(articleFromFile('a', 'x.txt', bytes('Title\nSource: the council newsletter\n\nBody text.')).url).toBe('archive://a/x.txt');
  });

  it.each([
    ['empty.txt', fixture('empty.txt'), 'extract: archive file "empty.txt" is empty'],
    ['blank.txt', bytes('\n  \n\t\n'), 'extract: archive file "blank.txt" is empty'],
    ['title-only.md', bytes('# Just a title\n'), 'extract: archive file "title-only.md" lacks a title line or body text'],
    ['scan.pdf', bytes('%PDF-1.4'), 'extract: archive file "scan.pdf" is not .html, .htm, .txt or .md'],
    ['README', bytes('text'), 'extract: archive file "README" is not .html, .htm, .txt or .md'],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]), 'extract: archive file "image.txt" is binary, not text'],
    ['stub.html', bytes('<html><body><p>Coming soon.</p></body></html>'), 'extract: archive file "stub.html": no story text found on archive://a/stub.html'],
  ])('fails cleanly on %s', (name, content, message) => {
    const read = (): unknown => articleFromFile('a', name, content);
    expect(read).toThrow(ExtractError);
    expect(read).toThrow(message);
  });
});

describe('archiveUrl', () => {
  it.each([
    ['bundled', 'story.txt', 'archive://bundled/story.txt'],
    ['Bundled', '2012/04/story.html', 'archive://bundled/2012/04/story.html'],
    ['bundled', '2012\\04\\story.html', 'archive://bundled/2012/04/story.html'],
    ['bundled', 'news/MyCSP launch #1.txt', 'archive://bundled/news/MyCSP%20launch%20%231.txt'],
  ])('%s + %s → %s', (archiveId, fileName, expected) => {
    expect(archiveUrl(archiveId, fileName)).toBe(expected);
  });

  it('gives a file the same story id every time', () => {
    expect(storyId(archiveUrl('bundled', 'a/b.txt'))).toBe(storyId(archiveUrl('bundled', 'a\\b.txt')));
  });
});
