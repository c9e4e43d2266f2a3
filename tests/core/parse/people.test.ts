import { describe, expect, it } from 'vitest';
import { authorName, joinAuthors, personText } from '../../../lambdas/core/parse/people.ts';
import type { XmlElement } from '../../../lambdas/core/parse/xml-tree.ts';

describe('authorName', () => {
  it.each([
    ['me@example.com (Example editor)', 'Example editor'],
    ['Example editor (me@example.com)', 'Example editor'],
    ['Example editor <me@example.com>', 'Example editor'],
    ['"Example editor" <mailto:me@example.com>', 'Example editor'],
    ['  Example\n  editor ', 'Example editor'],
    ['Jane Doe (Staff writer)', 'Jane Doe (Staff writer)'],
    ['me@example.com', undefined],
    ['mailto:me@example.com', undefined],
    ['<me@example.com>', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j gives %j', (raw, expected) => {
    expect(authorName(raw)).toBe(expected);
  });
});

describe('joinAuthors', () => {
  it('keeps names, each once, dropping addresses', () => {
    expect(joinAuthors(['First Author', 'a@b.example', 'x@y.example (Second Author)', 'First Author', undefined])).toBe('First Author, Second Author');
  });

  it('gives nothing when no name is left', () => {
    expect(joinAuthors(['a@b.example', undefined])).toBeUndefined();
  });
});

describe('personText', () => {
  const el = (children: XmlElement['children']): XmlElement => ({ name: 'author', attrs: {}, children });
  const child = (name: string, text: string): XmlElement => ({ name, attrs: {}, children: [text] });

  it.each([
    ['the name child', el([child('email', 'me@example.com'), child('name', ' Ann ')]), 'Ann'],
    ['the text of a childless element', el(['me@example.com (Ann)']), 'me@example.com (Ann)'],
    ['nothing when the only children are not names', el([child('email', 'me@example.com')]), undefined],
  ])('reads %s', (_, input, expected) => {
    expect(personText(input)).toBe(expected);
  });
});
