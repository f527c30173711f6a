/** Fetch one compiled JSON document and validate it against its schema at runtime. */
import { formatPath } from '../model/problems';
import { DataError, NotFoundError, TransientError } from './errors';
import type { z } from 'zod';

/** A request that has not answered by then is treated as a transient failure. */
const REQUEST_TIMEOUT_MS = 10_000;

export type Validators = typeof import('./validators');

/**
 * What `fetchDocument` reads of an answer. A fetch `Response` is one; the prerender answers with a plain object read
 * from the built files, since making a `Response` of each document (its text encoded, streamed and decoded again)
 * cost the prerender more than reading the file (3.0 s against 2.0 s a worker at 20,000 articles).
 */
export interface DocumentResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

/**
 * How a document's URL is answered: in the browser by `fetch`, in the prerender by reading the built files. It is
 * given to the query client (`createQueryClient`), not swapped into a global, so several pages can render at once.
 */
export type Fetcher = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<DocumentResponse>;

/** The browser's fetcher; `fetch` is looked up at each call, so a test can stub it. */
export const browserFetcher: Fetcher = (url, init) => fetch(url, init);

let validators: Promise<Validators> | undefined;
const loadValidators = () => (validators ??= import('./validators'));

export async function fetchDocument<S extends z.ZodType>(
  fetcher: Fetcher,
  url: string,
  pickSchema: (validators: Validators) => S,
  what: string,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  // The validators load in parallel with the request.
  const schemaReady = loadValidators().then(pickSchema);
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  let response: DocumentResponse;
  try {
    response = await fetcher(url, {
      headers: { Accept: 'application/json' },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    const timedOut = timeout.aborted;
    throw new TransientError(
      url,
      timedOut ? `${url} did not answer in time` : `${url} could not be loaded (network error)`,
    );
  }

  // Server trouble first: a 503 from a proxy or CDN is usually an HTML page, and it is worth a retry.
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    throw new TransientError(url, `${url} failed with status ${response.status}`);
  }
  // A static host's fallback answers a missing file with index.html and 200: that is "not found".
  const type = response.headers.get('Content-Type') ?? '';
  if (response.status === 404 || response.status === 410 || (response.ok && type.includes('text/html'))) {
    throw new NotFoundError(url, what);
  }
  if (!response.ok) throw new DataError(url, `${url} failed with status ${response.status}`);

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new DataError(url, `${url} is not valid JSON`);
  }
  const parsed = (await schemaReady).safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${formatPath(first.path)}: ${first.message}` : 'does not match the schema';
    throw new DataError(url, `${url} is not a valid document: ${where}`);
  }
  return parsed.data;
}
