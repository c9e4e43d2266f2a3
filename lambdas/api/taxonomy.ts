// The public vocabulary of TAXONOMY.md with readable names. Typed as records over the model's
// unions, so a slug added to the model without a name here fails the type check.
import type { EventType, OrganisationKind, Sector } from '../core/model.ts';

export const SECTOR_NAMES: Record<Sector, string> = {
  health: 'Health',
  'adult-social-care': 'Adult social care',
  'children-and-families': 'Children and families',
  'youth-services': 'Youth services',
  education: 'Education',
  'housing-and-homelessness': 'Housing and homelessness',
  'leisure-and-sport': 'Leisure and sport',
  'libraries-and-culture': 'Libraries and culture',
  'employment-and-skills': 'Employment and skills',
  'justice-and-probation': 'Justice and probation',
  'fire-and-rescue': 'Fire and rescue',
  'corporate-services': 'Corporate services',
  'environment-and-waste': 'Environment and waste',
  'planning-and-regulation': 'Planning and regulation',
  transport: 'Transport',
};

export const EVENT_NAMES: Record<EventType, string> = {
  'pathfinder-launch': 'Pathfinder launches',
  'ministerial-visit': 'Ministerial visits',
  'spin-out-launch': 'Spin-out launches',
  'spin-out-plan': 'Spin-out plans',
  'funding-and-support': 'Funding and support',
  'contract-news': 'Contract news',
  'policy-and-opinion': 'Policy and opinion',
  'guidance-and-resources': 'Guidance and resources',
  'awards-and-results': 'Awards and results',
  other: 'Other news',
};

export const KIND_NAMES: Record<OrganisationKind, string> = {
  mutual: 'Public service mutual',
  government: 'Government',
  'local-authority': 'Local authority',
  'nhs-body': 'NHS body',
  company: 'Company',
  'sector-body': 'Sector body',
  media: 'Media',
  other: 'Other',
};

const slugsOf = <T extends string>(names: Record<T, string>) => Object.keys(names) as [T, ...T[]];

export const SECTORS = slugsOf(SECTOR_NAMES);
export const EVENT_TYPES = slugsOf(EVENT_NAMES);
export const ORGANISATION_KINDS = slugsOf(KIND_NAMES);
