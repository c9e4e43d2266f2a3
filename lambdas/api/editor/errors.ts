// The editor routes' errors and the one place that turns them into HTTP answers, shared by the
// JSON API and the console so both answer the same thing the same way.
import { z } from 'zod';
import { AuthUnavailableError, ForbiddenError } from '../../core/auth/editor.ts';
import { EditRejectedError } from '../../core/curation/story-edit.ts';
import { describeIssues } from '../../core/source-schema.ts';
import { EditorExistsError } from '../../store/editor-repository.ts';
import { OrganisationChangedError } from '../../store/organisation-repository.ts';
import { SourceExistsError, SourceMissingError } from '../../store/source-changes.ts';
import { StaleVersionError } from '../../store/story-repository.ts';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** The request is well formed but clashes with what is stored (a name in use, an existing id). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 503;

export interface Problem {
  status: ProblemStatus;
  error: string;
  detail: string;
}

/** The answer for an error the routes expect; undefined for anything else (a 500, logged). */
export function problemOf(error: unknown): Problem | undefined {
  if (error instanceof z.ZodError) return { status: 400, error: 'invalid request', detail: describeIssues(error) };
  if (error instanceof InvalidRequestError || error instanceof EditRejectedError) {
    return { status: 400, error: 'invalid request', detail: error.message };
  }
  if (error instanceof ForbiddenError) return { status: 403, error: 'forbidden', detail: error.message };
  if (error instanceof NotFoundError || error instanceof SourceMissingError) return { status: 404, error: 'not found', detail: error.message };
  if (error instanceof StaleVersionError || error instanceof OrganisationChangedError) {
    return { status: 409, error: 'stale version', detail: `${error.message}: reload it and apply your change again` };
  }
  if (error instanceof ConflictError || error instanceof SourceExistsError || error instanceof EditorExistsError) {
    return { status: 409, error: 'conflict', detail: error.message };
  }
  if (error instanceof AuthUnavailableError) return { status: 503, error: 'authentication unavailable', detail: 'editor sign-in cannot be checked just now; try again shortly' };
  return undefined;
}
