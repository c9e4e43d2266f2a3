// Phrase lists counted over stems: each phrase once where it starts, negated words left out.
import { describe, expect, it } from 'vitest';
import { createPhraseCounter, stems } from '../../../lambdas/core/tag/features.ts';

const counter = createPhraseCounter({
  visit: { visit: 1, visits: 2, visited: 1.5 },
  plan: { plans: 1, 'plans to': 1.5 },
  results: { profit: 1 },
});
const hits = (text: string) => counter.hits(stems(text)).map((h) => [h.label, h.weight]);

describe('createPhraseCounter', () => {
  it.each([
    ['forms of one phrase that stem alike once, at the highest weight', 'The minister visited the mutual.', [['visit', 2]]],
    ['the longest phrase of a label that starts at a word', 'Staff have plans to leave.', [['plan', 1.5]]],
    ['a word after "not for"', 'The not-for-profit company grew.', []],
    ['a word after "non"', 'A non-profit body.', []],
    ['the word itself', 'Profit rose.', [['results', 1]]],
  ])('counts %s', (_, text, expected) => {
    expect(hits(text)).toEqual(expected);
  });
});
