// The publication date a story's own text gives: a dateline near the top ("12 August 2010",
// "Posted on February 8, 2013") or a credit line ("Source: Guardian 13 May 11"), read in
// British order. Dates inside the story's sentences ("by 2015", "from 1 April") are not it.
// the English locale alone: the package root loads every language (about a second)
import * as chronoEnglish from 'chrono-node/en';

const HEADER_LINES = 12;
const CUE = /\b(posted|published|updated|date[d]?|source|first published|last modified|issued)\b/i;
// chrono's reference date: only dates that name their year are accepted, so it never shows
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

const MAY_HOLD_DATE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

interface Candidate {
  date: string;
  score: number;
  line: number;
}

export function findPublished(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const candidates: Candidate[] = [];
  lines.forEach((line, n) => {
    const cued = CUE.test(line);
    if (n >= HEADER_LINES && !/^\s*(source|posted|published|date)\b/i.test(line)) return;
    if (line.length > 160 && !cued) return;
    // chrono costs about a millisecond a line: ask it only about lines that may hold a date
    if (!MAY_HOLD_DATE.test(line)) return;
    for (const r of chronoEnglish.GB.parse(line, REFERENCE)) {
      if (!r.start.isCertain('year') || !r.start.isCertain('day') || !r.start.isCertain('month')) continue;
      const year = r.start.get('year')!;
      if (year < 1990 || year > 2100) continue;
      const rest = line.replace(r.text, '').replace(CUE, '').replace(/\b(on|at|by|in|-)\b|[^\p{L}\p{N}]+/gu, ' ').trim();
      // a date alone on its line is a dateline; a full year reads as one more than "8 Feb 13"
      let score = rest.length === 0 ? 3 : rest.length < 40 ? 1 : 0;
      if (cued) score += 2;
      if (score === 0) continue;
      if (/\b\d{4}\b/.test(r.text)) score += 1;
      const pad = (x: number) => String(x).padStart(2, '0');
      candidates.push({ date: `${year}-${pad(r.start.get('month')!)}-${pad(r.start.get('day')!)}`, score, line: n });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.line - b.line);
  return candidates[0]?.date;
}
