// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PrerenderError, expectedCounts, prerenderPages } from '../../build/prerender.ts';
import type { PageList } from '../../build/compile.ts';
import type { RenderedPage } from '../../src/model/prerender.ts';

const pages: PageList = {
  front: ['/'],
  article: ['/articles/a', '/articles/b'],
  tag: ['/tags/%ED%8F%89%EC%96%91'],
  author: ['/authors/ada'],
  section: ['/sections/world'],
};
const expected = expectedCounts({ articles: 2, tags: 1, authors: 1, sections: 1, documents: 9 });
const page = (url: string): RenderedPage => ({
  head: '',
  body: url,
  state: { queries: { mutations: [], queries: [] }, loaderData: {} },
});

describe('prerenderPages', () => {
  it('renders every listed page, front first, and counts them by kind', async () => {
    const written: string[] = [];
    const counts = await prerenderPages(
      pages,
      expected,
      (url) => Promise.resolve(page(url)),
      (url, rendered) => written.push(`${url} ${rendered.body}`),
    );
    expect(written).toEqual([
      '/ /',
      '/articles/a /articles/a',
      '/articles/b /articles/b',
      '/tags/%ED%8F%89%EC%96%91 /tags/%ED%8F%89%EC%96%91',
      '/authors/ada /authors/ada',
      '/sections/world /sections/world',
    ]);
    expect(counts).toEqual({ byKind: { front: 1, article: 2, tag: 1, author: 1, section: 1 }, rendered: 6, reused: 0 });
  });

  it('fails naming the page when a page renders nothing, instead of skipping it', async () => {
    const run = prerenderPages(
      pages,
      expected,
      (url) => Promise.resolve(url === '/tags/%ED%8F%89%EC%96%91' ? undefined : page(url)),
      () => undefined,
    );
    await expect(run).rejects.toThrow(PrerenderError);
    await expect(run).rejects.toThrow(
      'Prerendering /tags/%ED%8F%89%EC%96%91 failed: the page rendered nothing (its data did not load, or it redirected)',
    );
  });

  it('fails naming the page when rendering throws, with the reason', async () => {
    const run = prerenderPages(
      pages,
      expected,
      (url) =>
        url === '/articles/b'
          ? Promise.reject(new Error('no document at /data/articles/b.json'))
          : Promise.resolve(page(url)),
      () => undefined,
    );
    await expect(run).rejects.toThrow('Prerendering /articles/b failed: no document at /data/articles/b.json');
  });

  it('fails when a kind has fewer or more pages than the compiled content, naming each kind', async () => {
    const run = prerenderPages(
      { ...pages, author: [], tag: [...pages.tag, '/tags/extra'], section: [] },
      expected,
      (url) => Promise.resolve(page(url)),
      () => undefined,
    );
    await expect(run).rejects.toThrow(
      'Prerendering made the wrong number of pages: 2 tag pages for 1 expected, 0 author pages for 1 expected, 0 section pages for 1 expected',
    );
  });
});

describe('prerenderPages, incremental and parallel', () => {
  it('takes a page the last build left unchanged without rendering it, and counts it', async () => {
    const rendered: string[] = [];
    const counts = await prerenderPages(
      pages,
      expected,
      (url) => {
        rendered.push(url);
        return Promise.resolve(page(url));
      },
      () => undefined,
      { reuse: (url) => url.startsWith('/articles/') },
    );
    expect(rendered).toEqual(['/', '/tags/%ED%8F%89%EC%96%91', '/authors/ada', '/sections/world']);
    expect(counts).toMatchObject({ rendered: 4, reused: 2 });
  });

  it('renders up to `concurrency` pages at once, and no more', async () => {
    let running = 0;
    let most = 0;
    await prerenderPages(
      pages,
      expected,
      async (url) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return page(url);
      },
      () => undefined,
      { concurrency: 3 },
    );
    expect(most).toBe(3);
  });
});

describe('expectedCounts', () => {
  it('expects one front page and one page per article, tag, author and section', () => {
    expect(expectedCounts({ articles: 30, tags: 33, authors: 9, sections: 7, documents: 128 })).toEqual({
      front: 1,
      article: 30,
      tag: 33,
      author: 9,
      section: 7,
    });
  });
});
