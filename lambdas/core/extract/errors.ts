export type ExtractErrorKind = 'invalid-url' | 'no-content' | 'unreadable-file' | 'unsupported-file';

/** A failure of the extract stage; the message is one line, starts with `extract:` and is fit to store. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  constructor(
    readonly kind: ExtractErrorKind,
    message: string,
  ) {
    super(`extract: ${message}`);
  }
}
