// The site a scraped page comes from: pages keep their masthead and breadcrumbs above the
// headline ("Grantham Journal", "HSJ | News | Community services", "Kingston Council – News").
// The first line above the headline, when it reads as a name, names the outlet.

/** Character offsets [start, end) of the outlet's name in `body`, if the page shows one. */
export function findMasthead(body: string, title: string): { start: number; end: number } | undefined {
  const headline = title.trim();
  if (!headline) return undefined;
  const at = body.indexOf(headline);
  // the headline is a line of its own near the top, below at least one line
  if (at <= 0 || at > HEADER_CHARS || body[at - 1] !== '\n') return undefined;
  const line = /^\s*(\S[^\n]*)/.exec(body.slice(0, at));
  if (!line) return undefined;
  const start = line.index + line[0].length - line[1]!.length;
  const name = line[1]!.split(SEPARATOR)[0]!.trim();
  return isName(name) ? { start, end: start + name.length } : undefined;
}

const HEADER_CHARS = 400;
// " | ", " – ", " » ", " - ", ": " part the site's name from its sections
const SEPARATOR = /\s+[|–—»-]\s+|:\s+|\s+[|»]|[|»]\s+/;
const CONNECTORS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'to', '&']);
const MONTH = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;

// Title Case words, or one word that could only be a name ("HSJ", "WiredGov", "Ipswich.co.uk")
function isName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 6 || !/^[\p{Lu}\p{N}]/u.test(name) || /[,.!?;]$|\d{4}/.test(name) || MONTH.test(name)) return false;
  if (words.length === 1) return /^\p{Lu}{2,5}$/u.test(name) || /^.+\p{Lu}|\p{N}|\.\p{L}/u.test(name.slice(1));
  return words.every((w, k) => /^[\p{Lu}\p{N}]/u.test(w) || (k > 0 && CONNECTORS.has(w.toLowerCase())));
}
