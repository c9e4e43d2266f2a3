// The fetch stage's contract: every other stage fetches through an HttpClient passed in.

export interface FetchRequest {
  url: string;
  /** Validators from the previous successful fetch, for a conditional GET. */
  etag?: string;
  lastModified?: string;
  /** Accept header; defaults to anything. */
  accept?: string;
}

export type FetchResult =
  | {
      status: 'ok';
      /** The URL after redirects. */
      url: string;
      httpStatus: number;
      body: Uint8Array;
      contentType?: string;
      etag?: string;
      lastModified?: string;
    }
  | { status: 'not-modified'; url: string };

export type FetchErrorKind =
  | 'invalid-url'
  | 'network'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http'
  | 'rate-limited'
  | 'robots';

/** A fetch that failed cleanly: the message is fit to show a user and to store on the source. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly details: { httpStatus?: number; retryAfterMs?: number; url?: string } = {},
  ) {
    super(message);
  }
}

export interface HttpClient {
  get(request: FetchRequest): Promise<FetchResult>;
}
