/**
 * The prerender loop: every page the compiler listed is rendered, or the build fails naming the page. A page that
 * renders nothing (its data failed to load, or it redirected) is a failure, not a page to skip: the list holds
 * only pages that must exist. The counts per kind are then checked against the compiled content.
 */
import type { RenderedPage } from '../src/model/prerender.ts';
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

export async function prerenderPages(
  pages: PageList,
  expected: PageCounts,
  render: (url: string) => Promise<RenderedPage | undefined>,
  write: (url: string, page: RenderedPage) => void,
): Promise<PageCounts> {
  const rendered: PageCounts = { front: 0, article: 0, tag: 0, author: 0, section: 0 };
  for (const kind of KINDS) {
    for (const url of pages[kind]) {
      let page: RenderedPage | undefined;
      try {
        page = await render(url);
      } catch (error) {
        throw new PrerenderError(
          `Prerendering ${url} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!page) {
        throw new PrerenderError(
          `Prerendering ${url} failed: the page rendered nothing (its data did not load, or it redirected)`,
        );
      }
      write(url, page);
      rendered[kind]++;
    }
  }
  const wrong = KINDS.filter((kind) => rendered[kind] !== expected[kind]);
  if (wrong.length > 0) {
    const counts = wrong.map((kind) => `${rendered[kind]} ${kind} pages for ${expected[kind]} expected`).join(', ');
    throw new PrerenderError(`Prerendering made the wrong number of pages: ${counts}`);
  }
  return rendered;
}
