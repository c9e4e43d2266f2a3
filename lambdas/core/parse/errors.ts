/** A feed that could not be read: the message is one line, fit to show a user and store on the source. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';

  constructor(reason: string) {
    super(`feed: ${reason}`);
  }
}
