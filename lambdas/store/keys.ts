import type { StoryStatus } from '../core/model.ts';

// Every key string of the single table is built here and nowhere else.
//
// | item                  | PK                               | SK                     | GSI1PK / GSI1SK              | GSI2PK / GSI2SK            |
// | story                 | STORY#<id>                       | STORY                  | STATUS#<status> / <date>#<id> |                            |
// | audit entry           | STORY#<id>                       | AUDIT#<version>        |                              |                            |
// | seen marker (dedupe)  | SEEN#<sourceId>                  | L#<url> or G#<guid>    |                              |                            |
// | tag index item        | TAG#<facet>#<slug>               | <date>#<id>            |                              |                            |
// | cluster member        | CLUSTER#<clusterId>              | <date>#<id>            |                              |                            |
// | coverage counter      | COVERAGE#<orgSlug>               | MONTH#<yyyy-mm> / TOTAL |                             |                            |
// | source                | SOURCE#<id>                      | SOURCE                 |                              | SOURCES#<active|paused> / <nextDue>#<id> |
// | organisation profile  | ORG#<slug>                       | PROFILE                | ORGS / <name>                |                            |
// | organisation audit    | ORG#<slug>                       | AUDIT#<version>        |                              |                            |
// | source audit entry    | SOURCE#<id>                      | AUDIT#<at>#<nonce>     |                              |                            |
// | default sources mark  | SOURCES                          | DEFAULTS               |                              |                            |
// | featured mark         | FEATURED                         | <date>#<id>            |                              |                            |
// | labelled example      | EXAMPLES                         | STORY#<id>             |                              |                            |
// | editor                | EDITOR#<id>                      | PROFILE                | EDITORS / <id>               |                            |
// | editor token          | TOKEN#<sha256 of the token>      | TOKEN                  |                              |                            |
// | name candidate       | CANDIDATES                       | organisation#<slug> / person#<slug> |             |                            |

export type TagFacet = 'organisation' | 'sector' | 'event' | 'person' | 'place';

export interface Key {
  PK: string;
  SK: string;
}

const dateId = (published: string, id: string) => `${published}#${id}`;

export const keys = {
  story: (id: string): Key => ({ PK: `STORY#${id}`, SK: 'STORY' }),
  storyByStatus: (status: StoryStatus, published: string, id: string) => ({
    GSI1PK: `STATUS#${status}`,
    GSI1SK: dateId(published, id),
  }),
  statusPartition: (status: StoryStatus) => `STATUS#${status}`,
  /** One entry per story version: the write that made version N is audited at AUDIT#N. */
  audit: (id: string, version: number): Key => ({ PK: `STORY#${id}`, SK: `AUDIT#${String(version).padStart(8, '0')}` }),
  auditPrefix: 'AUDIT#',

  seenLink: (sourceId: string, url: string): Key => ({ PK: `SEEN#${sourceId}`, SK: `L#${url}` }),
  seenGuid: (sourceId: string, guid: string): Key => ({ PK: `SEEN#${sourceId}`, SK: `G#${guid}` }),

  tagPartition: (facet: TagFacet, slug: string) => `TAG#${facet}#${slug}`,
  tagIndex: (facet: TagFacet, slug: string, published: string, id: string): Key => ({
    PK: `TAG#${facet}#${slug}`,
    SK: dateId(published, id),
  }),

  clusterPartition: (clusterId: string) => `CLUSTER#${clusterId}`,
  clusterMember: (clusterId: string, published: string, id: string): Key => ({
    PK: `CLUSTER#${clusterId}`,
    SK: dateId(published, id),
  }),

  coveragePartition: (orgSlug: string) => `COVERAGE#${orgSlug}`,
  coverageMonth: (orgSlug: string, month: string): Key => ({ PK: `COVERAGE#${orgSlug}`, SK: `MONTH#${month}` }),
  coverageTotal: (orgSlug: string): Key => ({ PK: `COVERAGE#${orgSlug}`, SK: 'TOTAL' }),

  source: (id: string): Key => ({ PK: `SOURCE#${id}`, SK: 'SOURCE' }),
  /** Written once the default sources have been offered: sources a user then removes stay removed. */
  defaultSourcesMark: (): Key => ({ PK: 'SOURCES', SK: 'DEFAULTS' }),
  sourceDue: (enabled: boolean, nextDueAt: string, id: string) => ({
    GSI2PK: enabled ? 'SOURCES#active' : 'SOURCES#paused',
    GSI2SK: `${nextDueAt}#${id}`,
  }),
  sourcesPartition: (enabled: boolean) => (enabled ? 'SOURCES#active' : 'SOURCES#paused'),

  organisation: (slug: string): Key => ({ PK: `ORG#${slug}`, SK: 'PROFILE' }),
  organisationByName: (name: string) => ({ GSI1PK: 'ORGS', GSI1SK: name.toLowerCase() }),
  organisationsPartition: 'ORGS',

  organisationAudit: (slug: string, version: number): Key => ({ PK: `ORG#${slug}`, SK: `AUDIT#${String(version).padStart(8, '0')}` }),
  /** Sources carry no version: their audit entries sort by time, a nonce keeps two in one millisecond apart. */
  sourceAudit: (id: string, at: string, nonce: string): Key => ({ PK: `SOURCE#${id}`, SK: `AUDIT#${at}#${nonce}` }),
  /** Featured stories are marked here; a mark only points at the story, which stays the truth. */
  featured: (published: string, id: string): Key => ({ PK: 'FEATURED', SK: dateId(published, id) }),
  featuredPartition: 'FEATURED',
  /** Editors' corrections as labelled stories for retraining, one per story (the latest wins). */
  labelledExample: (storyId: string): Key => ({ PK: 'EXAMPLES', SK: `STORY#${storyId}` }),
  examplesPartition: 'EXAMPLES',
  editor: (id: string): Key => ({ PK: `EDITOR#${id}`, SK: 'PROFILE' }),
  editorListed: (id: string) => ({ GSI1PK: 'EDITORS', GSI1SK: id }),
  editorsPartition: 'EDITORS',
  editorToken: (tokenHash: string): Key => ({ PK: `TOKEN#${tokenHash}`, SK: 'TOKEN' }),
  /** A name the tagger found that the knowledge base lacks, counted over the stories naming it. */
  nameCandidate: (kind: 'organisation' | 'person', slug: string): Key => ({ PK: 'CANDIDATES', SK: `${kind}#${slug}` }),
  candidatesPartition: 'CANDIDATES',
};
