// URI references in feeds: absolute ones are kept exactly as written (a feed's links and ids are
// not normalised), relative ones are resolved against the base in force, when there is one.

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

export function isAbsoluteUrl(value: string): boolean {
  return ABSOLUTE.test(value);
}

/** Resolves a reference against a base URI; returns the reference unchanged when it cannot be. */
export function resolveUrl(ref: string, base: string | undefined): string {
  const trimmed = ref.trim();
  if (!base || isAbsoluteUrl(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}
