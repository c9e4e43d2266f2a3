// The UK place gazetteer (lambdas/core/tag/data/places.json) is hand-written data. These checks
// keep it loadable by the tagger and hold it to the rules it was written by:
//
// Names. `name` is the form a UK news story uses ("Kensington and Chelsea", "Edinburgh", not
// "City of Edinburgh"); `aliases` are other spellings that name only this place ("Hull",
// "Newcastle", "Derry", "Kings Lynn"). Names are compared folded as the tagger folds them (case,
// accents, hyphens, apostrophes, "&"), so spellings that differ only in those are not listed.
//
// One entry per name, across types: a name that denotes two units keeps the broadest one in
// current use. Suffolk is the county (its county council's area is the same name); Leicester,
// Swindon and Mansfield are the local authorities, which hold the towns of that name; London is
// the region (alias Greater London). A place that shares its name with a bigger or more reported
// one gives way (Newport is the Welsh city, Ashford the Kent borough, Richmond the London area);
// a name two major places share is left out (Bangor, in Gwynedd and in County Down).
//
// Countries. "United Kingdom" (aliases UK, U.K.) and "Britain" (alias Great Britain) are two
// entries, because stories and our labels keep the word the story uses ("Britain is in a global
// race" is labelled Britain); England, Scotland, Wales and Northern Ireland sit in the United
// Kingdom.
//
// `within` names the next unit up, so that the tagger can roll a place up: a town or local
// authority in England sits in its ceremonial county (the metropolitan boroughs of the West
// Midlands and the London boroughs in those regions); in Scotland in its council area (the
// Ayrshire, Dunbartonshire and Lanarkshire councils in those counties), in Wales in its principal
// area, in Northern Ireland in its county (the 11 districts of 2015 and Belfast in Northern
// Ireland); a neighbourhood sits in its local authority; a county in its region (England) or
// country; a region in England. Only the United Kingdom has no parent.
//
// Coverage. Every local authority area since 2010 is kept, including those since merged
// (Suffolk Coastal, Shepway, Aylesbury Vale, Allerdale, the 26 districts Northern Ireland had
// until 2015), along with historic and former counties still in news use (Yorkshire, Middlesex,
// Cleveland, Gwent), towns of about 20,000 people and many smaller ones, and neighbourhoods that
// public-service news names. The districts abolished in 2009 are not kept.
//
// Ambiguous. `ambiguous: true` marks a name that in UK news is often not this place, so that the
// tagger takes it only with a cue ("in Reading", "Reading Borough Council"): an English word
// (Reading, Bath, Wells, March, Street, Deal, Sale), a common first name or surname (Stafford,
// Preston, Lincoln, Chester, Barry, Hamilton), a better-known place abroad (Boston, Perth,
// Washington, York for New York), or a name mostly meaning a ground, firm or building (Wembley,
// Halifax, Everton, Westminster for Parliament). Titles ("Duke of Sussex") are left to the tagger.
// An alias is never a name that would need such a cue: Tyrone, Barrow and Henley are not listed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { KnownPlace, PlaceType } from '../../../lambdas/core/tag/knowledge.ts';
import { foldName } from '../../../lambdas/core/tag/text.ts';

// Written as a record so that a type added to knowledge.ts fails type-checking until it is listed here.
const TYPE_RANK: Record<PlaceType, number> = {
  country: 0,
  region: 1,
  county: 2,
  'local-authority': 3,
  city: 4,
  town: 4,
  area: 5,
};
const TYPES = Object.keys(TYPE_RANK) as [PlaceType, ...PlaceType[]];
const ROOT = 'United Kingdom';

// a name as written in a story: trimmed, capitalised, single spaces, "and" rather than "&"
const writtenName = z
  .string()
  .regex(/^\p{Lu}[^&\s]*(?: [^&\s]+)*$/u, 'a name starts with a capital, has single spaces and no "&"');

const placeSchema = z.strictObject({
  name: writtenName,
  type: z.enum(TYPES),
  within: writtenName.optional(),
  aliases: z.array(writtenName),
  ambiguous: z.literal(true).optional(),
});

const places: KnownPlace[] = z
  .array(placeSchema)
  .parse(JSON.parse(readFileSync(new URL('../../../lambdas/core/tag/data/places.json', import.meta.url), 'utf8')));

const byName = new Map(places.map((p) => [foldName(p.name), p]));
const byAlias = new Map(places.flatMap((p) => (p.aliases ?? []).map((a) => [foldName(a), p] as const)));
const find = (name: string) => byName.get(foldName(name)) ?? byAlias.get(foldName(name));
const parentOf = (p: KnownPlace) => (p.within === undefined ? undefined : byName.get(foldName(p.within)));

/** The names from a place up to the root, or up to where a parent is missing or repeats. */
function chain(place: KnownPlace): string[] {
  const names: string[] = [];
  for (let p: KnownPlace | undefined = place; p && !names.includes(p.name); p = parentOf(p)) names.push(p.name);
  return names;
}

const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);

describe('place gazetteer', () => {
  it('has one entry per folded name', () => {
    expect(duplicates(places.map((p) => foldName(p.name)))).toEqual([]);
  });

  it('lists each alias once, and never the name of this or another entry', () => {
    const names = new Set(byName.keys());
    const aliases = places.flatMap((p) => (p.aliases ?? []).map(foldName));
    expect(duplicates(aliases)).toEqual([]);
    expect(aliases.filter((a) => names.has(a))).toEqual([]);
  });

  it('gives every entry but the United Kingdom a parent that exists', () => {
    const orphans = places.filter((p) => p.name !== ROOT && parentOf(p) === undefined);
    expect(orphans.map((p) => `${p.name} within ${p.within}`)).toEqual([]);
    expect(find(ROOT)?.within).toBeUndefined();
  });

  it('puts every parent a level above its child: countries in the United Kingdom, the rest in a broader type', () => {
    const misplaced = places.filter((p) => {
      const parent = parentOf(p);
      if (!parent) return false;
      return p.type === 'country' ? parent.name !== ROOT : TYPE_RANK[parent.type] >= TYPE_RANK[p.type];
    });
    expect(misplaced.map((p) => `${p.name} (${p.type}) within ${p.within}`)).toEqual([]);
  });

  it('rolls every entry up to the United Kingdom', () => {
    expect(places.filter((p) => chain(p).at(-1) !== ROOT).map((p) => p.name)).toEqual([]);
  });

  it.each<[PlaceType, number]>([
    ['country', 6],
    ['region', 9],
    ['county', 65],
    ['local-authority', 400],
    ['city', 15],
    ['town', 1000],
    ['area', 450],
  ])('has at least the expected number of %s entries (%i)', (type, least) => {
    expect(places.filter((p) => p.type === type).length).toBeGreaterThanOrEqual(least);
  });

  it('has over 2,000 entries in all', () => {
    expect(places.length).toBeGreaterThan(2000);
  });

  it('names exactly the four nations, Britain and the United Kingdom as countries', () => {
    expect(places.filter((p) => p.type === 'country').map((p) => p.name)).toEqual([
      'United Kingdom',
      'Britain',
      'England',
      'Scotland',
      'Wales',
      'Northern Ireland',
    ]);
  });

  it('names exactly the nine English regions, all in England', () => {
    const regions = places.filter((p) => p.type === 'region');
    expect(regions.map((p) => p.name).sort()).toEqual(
      [
        'East Midlands',
        'East of England',
        'London',
        'North East',
        'North West',
        'South East',
        'South West',
        'West Midlands',
        'Yorkshire and the Humber',
      ].sort(),
    );
    expect(regions.every((p) => p.within === 'England')).toBe(true);
  });

  it.each<[string, number]>([
    ['Scotland', 32],
    ['Wales', 20],
    ['Northern Ireland', 34],
  ])('has every local authority of %s (%i)', (nation, count) => {
    const authorities = places.filter((p) => p.type === 'local-authority' && chain(p).includes(nation));
    expect(authorities).toHaveLength(count);
  });

  it('has the English local authorities of 2010 and those made since', () => {
    const english = places.filter((p) => p.type === 'local-authority' && chain(p).includes('England'));
    expect(english.length).toBeGreaterThanOrEqual(320);
  });

  // The places labelled in the development set (shared/corpus/seeds/gold.jsonl).
  it.each([
    'Suffolk',
    'Ipswich',
    'Leicester',
    'Swindon',
    'London',
    'Mansfield',
    'Lambeth',
    'Cumbria',
    'Kensington and Chelsea',
    'Westminster',
    'Hammersmith and Fulham',
    'North East Essex',
    'Britain',
    'England',
    'Salford',
    'Essex',
    'Rochdale',
  ])('has the seed story place %s under that name', (name) => {
    expect(byName.get(foldName(name))?.name).toBe(name);
  });

  it.each<[string, string, PlaceType, string | undefined]>([
    ['UK', 'United Kingdom', 'country', undefined],
    ['Great Britain', 'Britain', 'country', 'United Kingdom'],
    ['Cymru', 'Wales', 'country', 'United Kingdom'],
    ['Greater London', 'London', 'region', 'England'],
    ['the North West', 'North West', 'region', 'England'],
    ['North West England', 'North West', 'region', 'England'],
    ['Yorkshire and Humber', 'Yorkshire and the Humber', 'region', 'England'],
    ['East Anglia', 'East Anglia', 'area', 'East of England'],
    ['the Midlands', 'Midlands', 'area', 'England'],
    ['Merseyside', 'Merseyside', 'county', 'North West'],
    ['Co Durham', 'County Durham', 'county', 'North East'],
    ['Herts', 'Hertfordshire', 'county', 'East of England'],
    ['Suffolk Coastal', 'Suffolk Coastal', 'local-authority', 'Suffolk'],
    ['Mid Suffolk', 'Mid Suffolk', 'local-authority', 'Suffolk'],
    ['East Suffolk', 'East Suffolk', 'local-authority', 'Suffolk'],
    ['Shepway', 'Shepway', 'local-authority', 'Kent'],
    ['Folkestone & Hythe', 'Folkestone and Hythe', 'local-authority', 'Kent'],
    ['South Cambridgeshire', 'South Cambridgeshire', 'local-authority', 'Cambridgeshire'],
    ['Tower Hamlets', 'Tower Hamlets', 'local-authority', 'London'],
    ['Hull', 'Kingston upon Hull', 'local-authority', 'East Riding of Yorkshire'],
    ['Newcastle', 'Newcastle upon Tyne', 'local-authority', 'Tyne and Wear'],
    ['Stoke', 'Stoke-on-Trent', 'local-authority', 'Staffordshire'],
    ['Stoke on Trent', 'Stoke-on-Trent', 'local-authority', 'Staffordshire'],
    ['Southend', 'Southend-on-Sea', 'local-authority', 'Essex'],
    ['BCP', 'Bournemouth, Christchurch and Poole', 'local-authority', 'Dorset'],
    ['Middlesbrough', 'Middlesbrough', 'local-authority', 'North Yorkshire'],
    ['Kings Lynn', "King's Lynn", 'town', 'Norfolk'],
    ['Felixstowe', 'Felixstowe', 'town', 'Suffolk'],
    ['Bath', 'Bath', 'city', 'Somerset'],
    ['Brixton', 'Brixton', 'area', 'Lambeth'],
    ['City of Edinburgh', 'Edinburgh', 'local-authority', 'Scotland'],
    ['North Lanarkshire', 'North Lanarkshire', 'local-authority', 'Lanarkshire'],
    ['Outer Hebrides', 'Western Isles', 'local-authority', 'Scotland'],
    ['Paisley', 'Paisley', 'town', 'Renfrewshire'],
    ['Ynys Môn', 'Anglesey', 'local-authority', 'Wales'],
    ['Merthyr', 'Merthyr Tydfil', 'local-authority', 'Wales'],
    ['Gwynedd', 'Gwynedd', 'county', 'Wales'],
    ['Derry', 'Londonderry', 'city', 'County Londonderry'],
    ['Co Tyrone', 'County Tyrone', 'county', 'Northern Ireland'],
    ['Fermanagh', 'County Fermanagh', 'county', 'Northern Ireland'],
    ['Mid Ulster', 'Mid Ulster', 'local-authority', 'Northern Ireland'],
    ['Ballymena', 'Ballymena', 'local-authority', 'County Antrim'],
  ])('finds %s as %s (%s within %s)', (written, name, type, within) => {
    const place = find(written.replace(/^the /, ''));
    expect(place).toMatchObject({ name, type });
    expect(place?.within).toBe(within);
  });

  it.each<[string, string[]]>([
    ['Ipswich', ['Ipswich', 'Suffolk', 'East of England', 'England', 'United Kingdom']],
    ['Brixton', ['Brixton', 'Lambeth', 'London', 'England', 'United Kingdom']],
    ['Sutton Coldfield', ['Sutton Coldfield', 'West Midlands', 'England', 'United Kingdom']],
    ['Paisley', ['Paisley', 'Renfrewshire', 'Scotland', 'United Kingdom']],
    ['Barry', ['Barry', 'Vale of Glamorgan', 'Wales', 'United Kingdom']],
    ['Lurgan', ['Lurgan', 'County Armagh', 'Northern Ireland', 'United Kingdom']],
  ])('rolls %s up through its county and region', (name, expected) => {
    expect(chain(find(name)!)).toEqual(expected);
  });

  it.each([
    ...['Reading', 'Bath', 'Wells', 'March', 'Street', 'Deal', 'Sale'],
    ...['Stafford', 'Lincoln', 'Chester', 'Preston', 'Barry', 'Hamilton'],
    ...['Washington', 'Boston', 'Perth', 'York', 'Westminster', 'Wembley', 'Halifax'],
  ])('marks %s ambiguous', (name) => {
    expect(byName.get(foldName(name))?.ambiguous).toBe(true);
  });

  it.each([
    ...['Derby', 'Wigan', 'Ipswich', 'Swindon', 'Lambeth', 'Mansfield', 'Leicester'],
    ...['Salford', 'Suffolk', 'Cumbria', 'Essex', 'London', 'England', 'Britain'],
  ])('takes %s as a place without a cue', (name) => {
    expect(byName.get(foldName(name))?.ambiguous).toBeUndefined();
  });

  it('leaves out aliases that would need a cue', () => {
    expect(['Tyrone', 'Barrow', 'Henley', 'Beds', 'Skye'].filter((word) => find(word) !== undefined)).toEqual([]);
  });
});
