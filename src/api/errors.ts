/** The ways fetching a compiled document can fail, each with what the reader should see. */

/** The document does not exist: a 404, or a static host's index.html fallback (text/html). */
export class NotFoundError extends Error {
  constructor(
    readonly url: string,
    /** What the reader was looking for, e.g. `article "foo"`. */
    readonly what: string,
  ) {
    super(`Not found: ${what}`);
    this.name = 'NotFoundError';
  }
}

/** The network failed, the server answered 5xx, or the request timed out: worth retrying. */
export class TransientError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

/** The document arrived but is malformed or breaks the schema: retrying will not help. */
export class DataError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

export const isTransient = (error: unknown): boolean => error instanceof TransientError;
