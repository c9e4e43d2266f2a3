import { normaliseSpace } from './text.ts';

/** Separators between a headline and the site's name in a page title ("Story | Site"). */
const SEPARATOR = /\s+(?:\||-|–|—|·|•|»|::)\s+/;
/** A trailing part this short is a site name ("Story | Civil Service World"), not a sub-headline. */
const MAX_SITE_WORDS = 5;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A headline with the site's name taken off either end. Known site names (og:site_name, the
 * JSON-LD publisher) are removed wherever they stand; with `guessSuffix`, a short last part
 * after a separator is removed too, for `<title>`s of sites that declare no name.
 */
export function stripSiteName(raw: string, siteNames: string[], guessSuffix: boolean): string {
  let title = normaliseSpace(raw).replace(/\n/g, ' ');
  for (const site of siteNames) {
    const name = escapeRegExp(normaliseSpace(site));
    if (!name) continue;
    const stripped = title
      .replace(new RegExp(`${SEPARATOR.source}${name}$`, 'i'), '')
      .replace(new RegExp(`^${name}${SEPARATOR.source}`, 'i'), '');
    if (stripped) title = stripped;
  }
  if (guessSuffix) {
    const parts = title.split(SEPARATOR);
    const last = parts.at(-1) ?? '';
    const head = title.slice(0, title.length - last.length).replace(new RegExp(`${SEPARATOR.source}$`), '');
    if (parts.length > 1 && last.split(' ').length <= MAX_SITE_WORDS && head.split(' ').length >= 2) title = head;
  }
  return title;
}
