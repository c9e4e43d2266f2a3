// Author names. Feeds give people as `me@example.com (Example editor)` (RSS 2.0), `Name <email>`,
// a bare address, a name, or an element with a name child (Atom); the pipeline keeps the name
// only, never an address.
import { firstChild, hasElementChildren, trimmedText, type XmlElement } from './xml-tree.ts';

// Longer text is not a name with an address; it is kept as it is, not searched.
const MAX_PATTERN_LENGTH = 256;

const EMAIL = /^(?:mailto:)?[^\s@()<>]+@[^\s@()<>]+$/i;

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/^["']+|["']+$/g, '').trim();
}

/** The person's name in an author string, or undefined when it holds no name (only an address). */
export function authorName(raw: string | undefined): string | undefined {
  const value = clean(raw ?? '');
  if (!value) return undefined;
  if (value.length > MAX_PATTERN_LENGTH) return value;
  const patterns = [
    /^\S+@\S+\s*\((.+)\)$/, // me@example.com (Example editor)
    /^(.+?)\s*\(\s*(?:mailto:)?\S+@\S+\s*\)$/, // Example editor (me@example.com)
    /^(.+?)\s*<\s*(?:mailto:)?\S+@\S+\s*>$/, // Example editor <me@example.com>
  ];
  for (const pattern of patterns) {
    const name = pattern.exec(value)?.[1];
    if (name) return authorName(name);
  }
  return EMAIL.test(value.replace(/^[<(]|[>)]$/g, '')) ? undefined : value;
}

/** Several authors as one string, names only, each once. */
export function joinAuthors(raws: (string | undefined)[]): string | undefined {
  const names = [...new Set(raws.map(authorName).filter((name): name is string => name !== undefined))];
  return names.length > 0 ? names.join(', ') : undefined;
}

/** The raw name in a person element: its `name` child (Atom), or its text when it has no children. */
export function personText(el: XmlElement): string | undefined {
  const name = firstChild(el, 'name', 'atom:name');
  if (name) return trimmedText(name);
  return hasElementChildren(el) ? undefined : trimmedText(el);
}
