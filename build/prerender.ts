/**
 * The prerender loop: every page the compiler listed is rendered, or the build fails naming the page. A page that
 * renders nothing (its data failed to load, or it redirected) is a failure, not a page to skip: the list holds
 * only pages that must exist. The counts per kind are then checked against the compiled content.
 */
import type { CompileOutput, PageList } from './compile.ts';

type PageKind = keyof PageList;
type PageCounts = Record<PageKind, number>;

const KINDS: readonly PageKind[] = ['front', 'article', 'tag', 'author', 'section'];

/** A build failure an operator reads as one sentence; no stack trace is needed to act on it. */
export class PrerenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrerenderError';
  }
}

/** How many pages of each kind the compiled content must have: one front page, one per article, tag, author and section. */
export function expectedCounts(stats: CompileOutput['stats']): PageCounts {
  return { front: 1, article: stats.articles, tag: stats.tags, author: stats.authors, section: stats.sections };
}

export interface PrerenderCounts {
  /** Pages of each kind, rendered or reused. */
  byKind: PageCounts;
  rendered: number;
  reused: number;
}

/**
 * Renders every listed page, or takes it as it is when `reuse` says the last build's copy still holds (an incremental
 * build: nothing the page read has changed). Either way each listed page must end up in the site. Up to
 * `concurrency` pages render at once (the pool's workers); each is written as it comes back.
 */
export async function prerenderPages<Page>(
  pages: PageList,
  expected: PageCounts,
  render: (url: string) => Promise<Page | undefined>,
  write: (url: string, page: Page) => void,
  { reuse = () => false, concurrency = 1 }: { reuse?: (url: string) => boolean; concurrency?: number } = {},
): Promise<PrerenderCounts> {
  const byKind: PageCounts = { front: 0, article: 0, tag: 0, author: 0, section: 0 };
  let reused = 0;
  const inFlight = new Set<Promise<void>>();
  const renderOne = async (kind: PageKind, url: string) => {
    let page: Page | undefined;
    try {
      page = await render(url);
    } catch (error) {
      throw new PrerenderError(`Prerendering ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!page) {
      throw new PrerenderError(
        `Prerendering ${url} failed: the page rendered nothing (its data did not load, or it redirected)`,
      );
    }
    write(url, page);
    byKind[kind]++;
  };
  for (const kind of KINDS) {
    for (const url of pages[kind]) {
      if (reuse(url)) {
        byKind[kind]++;
        reused++;
        continue;
      }
      const job: Promise<void> = renderOne(kind, url).finally(() => inFlight.delete(job));
      inFlight.add(job);
      // The first failure stops the loop (the build fails naming that page).
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  }
  await Promise.all(inFlight);
  const wrong = KINDS.filter((kind) => byKind[kind] !== expected[kind]);
  if (wrong.length > 0) {
    const counts = wrong.map((kind) => `${byKind[kind]} ${kind} pages for ${expected[kind]} expected`).join(', ');
    throw new PrerenderError(`Prerendering made the wrong number of pages: ${counts}`);
  }
  const total = KINDS.reduce((sum, kind) => sum + byKind[kind], 0);
  return { byKind, rendered: total - reused, reused };
}
