/**
 * The public slug of a name: lower case, each run of other characters replaced by `-`
 * (MyCSP → `mycsp`, Leading Lives → `leading-lives`). Accents are folded first so that
 * "Café" and "Cafe" share a slug.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
