/**
 * The prerender (src/entry-server.tsx) over a fixture newsroom compiled in memory: the state a page carries, the
 * head tags it is written with, and pages rendered at the same time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleUrl, authorUrl, frontUrl, tagUrl } from '../../src/model/pageUrls';
import { compileFixture } from './renderApp';
import type { ReadDocument, RenderedPage } from '../../src/model/prerender';

const FULL = articleUrl('harbour-wall-opens');

/**
 * Reads the fixture's compiled documents a moment later, as the build reads its staging folder; `site` replaces
 * site.json's fields, and `edition` is added to every headline, so a page shows which reader it was rendered from.
 */
function reader(site: Record<string, unknown> = {}, edition = ''): ReadDocument {
  const { documents } = compileFixture('app');
  return async (path) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    let body = documents.get(path);
    if (body !== undefined && path === '/data/site.json') {
      body = JSON.stringify({ ...(JSON.parse(body) as object), ...site });
    }
    return edition ? body?.replaceAll('"headline":"', `"headline":"${edition} `) : body;
  };
}

/**
 * The prerender as the build loads it: a fresh module graph, so SITE_ORIGIN (read once, when the app's modules load)
 * is the one stubbed, and the lazily loaded pages share the graph (one context per module, as in the server bundle).
 */
async function freshRenderPage() {
  vi.resetModules();
  return (await import('../../src/entry-server')).renderPage;
}

async function render(url: string, readDocument = reader()): Promise<RenderedPage> {
  const page = await (await freshRenderPage())(url, readDocument);
  if (!page) throw new Error(`${url} did not render`);
  return page;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('prerendered state', () => {
  it('is the same bytes whenever it is rendered: no build clock in it', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1), toFake: ['Date'] });
    const first = await render(FULL);
    vi.setSystemTime(Date.UTC(2027, 5, 1));
    const second = await render(FULL);
    vi.useRealTimers();
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(JSON.stringify(first.state)).not.toMatch(/"(dehydratedAt|dataUpdatedAt|errorUpdatedAt)":[1-9]/);
  });

  it.each([frontUrl(), tagUrl('port-calder'), authorUrl('mira-kaul'), FULL])(
    '%s carries each document once: in the cache, not again as loader data',
    async (url) => {
      const { body, state } = await render(url);
      expect(body).toContain('Harbour wall opens after three years');
      const cached = JSON.stringify(state.queries);
      expect(cached).toContain('Harbour wall opens after three years');
      expect(JSON.stringify(state.loaderData)).not.toContain('Harbour wall opens');
      expect(JSON.stringify(state.loaderData).length).toBeLessThan(200);
    },
  );
});

describe('pages rendered at the same time', () => {
  it('each reads its own documents (no global fetch is swapped)', async () => {
    const renderPage = await freshRenderPage();
    const [first, second] = await Promise.all([
      renderPage(frontUrl(), reader({ name: 'First Gazette' }, 'First edition:')),
      renderPage(frontUrl(), reader({ name: 'Second Gazette' }, 'Second edition:')),
    ]);
    if (!first || !second) throw new Error('a page did not render');
    expect(first.head).toContain('<title>First Gazette</title>');
    expect(second.head).toContain('<title>Second Gazette</title>');
    expect(first.body).toContain('First edition: Harbour wall opens after three years');
    expect(first.body).not.toContain('Second edition');
    expect(second.body).toContain('Second edition: Harbour wall opens after three years');
    expect(second.body).not.toContain('First edition');
  });

  it('leaves the global fetch alone', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('the prerender must not use fetch')));
    vi.stubGlobal('fetch', fetchSpy);
    try {
      await render(FULL);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(globalThis.fetch).toBe(fetchSpy);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

/** The JSON-LD of a rendered page. */
const jsonLd = (body: string) =>
  JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(body)?.[1] ?? '{}') as { image?: string[] };

describe('canonical and sharing URLs', () => {
  it('without SITE_URL, the prerendered page names none (never a site path)', async () => {
    vi.stubEnv('SITE_ORIGIN', '');
    const renderPage = await freshRenderPage();
    const page = await renderPage(FULL, reader());
    const { head, body } = page ?? { head: '', body: '' };
    expect(head).toContain('<meta property="og:title" content="Harbour wall opens after three years"/>');
    expect(head).not.toMatch(/rel="canonical"/);
    expect(head).not.toMatch(/og:url/);
    expect(head).not.toMatch(/og:image/);
    expect(head).toContain('<meta name="twitter:card" content="summary"/>');
    expect(jsonLd(body).image).toBeUndefined();
    for (const url of [frontUrl(), tagUrl('port-calder'), authorUrl('mira-kaul')]) {
      expect((await renderPage(url, reader()))?.head).not.toMatch(/rel="canonical"|og:url/);
    }
  });

  it('with SITE_URL, they are absolute on its origin', async () => {
    vi.stubEnv('SITE_ORIGIN', 'https://gazette.example');
    const renderWithOrigin = await freshRenderPage();
    const page = await renderWithOrigin(FULL, reader());
    expect(page?.head).toContain(`<link rel="canonical" href="https://gazette.example${FULL}"/>`);
    expect(page?.head).toContain(`<meta property="og:url" content="https://gazette.example${FULL}"/>`);
    expect(page?.head).toContain(
      '<meta property="og:image" content="https://gazette.example/media/images/harbour.svg"/>',
    );
    expect(page?.head).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(jsonLd(page?.body ?? '').image).toEqual(['https://gazette.example/media/images/harbour.svg']);
    const tag = await renderWithOrigin(tagUrl('port-calder'), reader());
    expect(tag?.head).toContain('<link rel="canonical" href="https://gazette.example/tags/port-calder"/>');
  });
});
