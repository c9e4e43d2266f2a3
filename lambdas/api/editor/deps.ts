// Builds what the editor routes need from a document client and the table: the repositories,
// the desk and the authenticator. Locally editors are table entries with API tokens; in AWS they
// are Cognito users (pass `cognito`).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Authenticator } from '../../core/auth/editor.ts';
import { cognitoAuthenticator } from '../../core/auth/jwt-authenticator.ts';
import { createTokenAuthenticator } from '../../core/auth/token-authenticator.ts';
import { bundledKnowledge } from '../../core/tag/bundled.ts';
import { createCurationRepository } from '../../store/curation-repository.ts';
import { createEditorRepository, type EditorRepository } from '../../store/editor-repository.ts';
import { createOrganisationRepository } from '../../store/organisation-repository.ts';
import { createSourceChanges } from '../../store/source-changes.ts';
import { createSourceRepository } from '../../store/source-repository.ts';
import { createStoryRepository } from '../../store/story-repository.ts';
import { createDesk, type Desk } from './desk.ts';

export interface EditorDeps {
  desk: Desk;
  authenticator: Authenticator;
}

export interface EditorDepsOptions {
  db: DynamoDBDocumentClient;
  tableName: string;
  now?: () => Date;
  /** The user pool whose access tokens are accepted, instead of local API tokens. */
  cognito?: { issuer: string; clientId: string };
}

/** Editors are either the table's (with API tokens) or the user pool's, never both. */
function identities(db: DynamoDBDocumentClient, tableName: string, cognito: EditorDepsOptions['cognito']): { editors?: EditorRepository; authenticator: Authenticator } {
  if (cognito) return { authenticator: cognitoAuthenticator(cognito) };
  const editors = createEditorRepository(db, tableName);
  return { editors, authenticator: createTokenAuthenticator(editors.byTokenHash) };
}

export function createEditorDeps({ db, tableName, now = () => new Date(), cognito }: EditorDepsOptions): EditorDeps {
  const { editors, authenticator } = identities(db, tableName, cognito);
  const desk = createDesk({
    stories: createStoryRepository(db, tableName),
    sources: createSourceRepository(db, tableName),
    sourceChanges: createSourceChanges(db, tableName),
    organisations: createOrganisationRepository(db, tableName),
    curation: createCurationRepository(db, tableName),
    editors,
    knownOrganisations: bundledKnowledge.organisations,
    now,
  });
  return { desk, authenticator };
}
