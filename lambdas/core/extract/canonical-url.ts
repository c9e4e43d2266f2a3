import { createHash } from 'node:crypto';
import { ExtractError } from './errors.ts';

/** `archive:` names a file of a bundled or uploaded back catalogue (see archive-file.ts). */
const SCHEMES = new Set(['http:', 'https:', 'archive:']);

/** Query parameters that only say how a reader arrived (campaigns, click ids, referrers). */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'wbraid', 'gbraid',
  'li_fat_id', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', 'ref', 'ref_src', 'ref_url', 'referrer',
  'cmpid', 'cmp', 'ocid', 'icid', 'ito', 's_cid', 'sc_cid', 'smid', 'xtor', 'mkt_tok', 'spm',
  'sr_share', 'trk', 'trkcampaign', 'ncid',
]);
/** Families of tracking parameters: Google/Matomo/Piwik campaigns, HubSpot, BBC's ns_ and at_. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', '_hs', 'ns_', 'at_', 'vero_', 'oly_'];

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The one spelling of a URL used as a story's identity: absolute, scheme and host in lower case,
 * default port, credentials and fragment dropped, tracking parameters removed and the remaining
 * parameters sorted by name. The path is kept as written (a trailing slash can matter to a
 * server); only the bare root becomes `/`.
 */
export function canonicalUrl(url: string, base?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    throw new ExtractError('invalid-url', `not a valid URL: ${JSON.stringify(url)}`);
  }
  if (!SCHEMES.has(parsed.protocol) || !parsed.hostname) {
    throw new ExtractError('invalid-url', `not a web address: ${JSON.stringify(url)}`);
  }
  // Special schemes lower-case their host already; archive: does not.
  parsed.hostname = parsed.hostname.toLowerCase();
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  const params = new URLSearchParams([...parsed.searchParams].filter(([name]) => !isTracking(name)));
  params.sort();
  parsed.search = params.toString();
  return parsed.href;
}

/**
 * A story's id: the first 16 hex digits (64 bits) of the SHA-256 of its canonical URL. Stable
 * across runs and machines, short enough for keys and links; a collision needs billions of stories.
 */
export function storyId(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
