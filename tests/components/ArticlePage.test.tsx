import { cleanup, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleUrl } from '../../src/model/pageUrls';
import { renderApp, requestUrl } from './renderApp';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const FULL = articleUrl('harbour-wall-opens');

describe('article page, every field present', () => {
  it('shows the header: section, one h1, standfirst with marks, byline with roles, dates, reading time', async () => {
    renderApp(FULL);
    const h1 = await screen.findByRole('heading', { level: 1 });
    expect(h1).toHaveTextContent('Harbour wall opens after three years');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(within(h1.closest('header') as HTMLElement).getByText('Cities')).toBeInTheDocument();
    const standfirst = screen.getByText(/wall protects/);
    expect(within(standfirst).getByText('new').tagName).toBe('EM');
    expect(within(standfirst).getByText('400 homes').tagName).toBe('STRONG');

    expect(screen.getByRole('link', { name: 'Mira Kaul' })).toHaveAttribute('href', '/authors/mira-kaul');
    expect(screen.getByRole('link', { name: 'Tomás Ferreira' })).toHaveAttribute('href', '/authors/tomas-ferreira');
    expect(screen.getByText(/Cities editor/)).toBeInTheDocument();

    const published = screen.getByText('12 July 2025, 18:09 IST');
    expect(published.tagName).toBe('TIME');
    expect(published).toHaveAttribute('dateTime', '2025-07-12T12:39:19.000Z');
    const updated = screen.getByText('12 July 2025, 19:40 IST');
    expect(updated).toHaveAttribute('dateTime', '2025-07-12T14:10:00.000Z');
    expect(updated.parentElement).toHaveTextContent(/^Updated/);
    expect(screen.getByText(/min read/)).toBeInTheDocument();
  });

  it('shows the lead image as a figure with alt, size, eager loading, caption and credit', async () => {
    renderApp(FULL);
    const img = await screen.findByRole('img', { name: 'A blue harbour under a clear sky' });
    expect(img).toHaveAttribute('width', '1600');
    expect(img).toHaveAttribute('height', '900');
    expect(img).toHaveAttribute('loading', 'eager');
    expect(img).toHaveAttribute('fetchpriority', 'high');
    expect(img).toHaveAttribute('src', '/media/images/harbour.svg');
    const figure = img.closest('figure');
    expect(figure).not.toBeNull();
    const caption = within(figure as HTMLElement).getByText(/The harbour at dawn/);
    expect(caption.tagName).toBe('FIGCAPTION');
    expect(caption).toHaveTextContent('Illustration: Test Gazette');
  });

  it('renders every block type, inline marks as elements, and HTML as text', async () => {
    const { container } = renderApp(FULL);
    await screen.findByRole('heading', { level: 1 });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(expect.arrayContaining(['What was built', 'What comes next']));
    expect(container.querySelector('h2#what-was-built')).not.toBeNull();
    expect(container.querySelector('h2#what-comes-next-2')).not.toBeNull();

    const quotes = container.querySelectorAll('blockquote');
    expect(quotes).toHaveLength(2);
    expect(within(quotes[0] as HTMLElement).getByText('finally').tagName).toBe('EM');
    expect(screen.getByText('Harbour master').tagName).toBe('CITE');

    expect([...container.querySelectorAll('ol')].some((ol) => ol.textContent === 'FirstSecond')).toBe(true);
    expect([...container.querySelectorAll('ul')].some((ul) => ul.textContent === 'ApplesPears')).toBe(true);

    const inline = screen.getByRole('img', { name: 'The wall from the sea' });
    expect(inline).toHaveAttribute('loading', 'lazy');
    expect(inline.closest('figure')).toHaveTextContent('From the sea.');

    expect(screen.getByRole('link', { name: 'link' })).toHaveAttribute('href', 'https://example.org/a');
    expect(screen.getByRole('link', { name: 'link' })).toHaveAttribute('rel', 'noopener');
    expect(screen.getByRole('link', { name: 'internal one' })).toHaveAttribute('href', '/articles/ferry-returns');
    expect(screen.getByText(/<b>not bold<\/b>/)).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('Costs 5 * 3 crore.')).toBeInTheDocument();
  });

  it('lists tags as links to tag pages, and related articles in a landmark named Related', async () => {
    renderApp(FULL);
    await screen.findByRole('heading', { level: 1 });
    const tags = screen.getByRole('navigation', { name: 'Article tags' });
    expect(within(tags).getByRole('link', { name: 'Port Calder' })).toHaveAttribute('href', '/tags/port-calder');
    expect(within(tags).getByRole('link', { name: '평양' })).toHaveAttribute(
      'href',
      `/tags/${encodeURIComponent('평양')}`,
    );
    const related = screen.getByRole('complementary', { name: /Related/ });
    const link = within(related).getByRole('link', { name: 'Ferry returns to full timetable' });
    expect(link).toHaveAttribute('href', '/articles/ferry-returns');
    expect(within(related).getByText(/Editor's pick/)).toBeInTheDocument();
  });

  it('shows a table of contents with three or more headed sections', async () => {
    renderApp(FULL);
    const toc = await screen.findByRole('navigation', { name: 'In this article' });
    expect(within(toc).getByRole('link', { name: 'What was built' })).toHaveAttribute('href', '#what-was-built');
  });

  it('sets the document title to the headline and site name', async () => {
    renderApp(FULL);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(document.title).toBe('Harbour wall opens after three years · Test Gazette'));
  });

  it('in the browser, gives canonical and sharing URLs on its own origin (SITE_URL unset)', async () => {
    renderApp(FULL);
    await screen.findByRole('heading', { level: 1 });
    const { origin } = window.location;
    const attribute = (selector: string, name: string) => document.head.querySelector(selector)?.getAttribute(name);
    await waitFor(() =>
      expect(attribute('link[rel="canonical"]', 'href')).toBe(`${origin}/articles/harbour-wall-opens`),
    );
    expect(attribute('meta[property="og:url"]', 'content')).toBe(`${origin}/articles/harbour-wall-opens`);
    expect(attribute('meta[property="og:image"]', 'content')).toBe(`${origin}/media/images/harbour.svg`);
  });
});

describe('article page, optional fields absent', () => {
  it('renders without standfirst, section, image, update, roles, headings or tags', async () => {
    const { container } = renderApp(articleUrl('ferry-returns'));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Ferry returns to full timetable');
    expect(container.querySelector('figure')).toBeNull();
    expect(screen.queryByText(/^Updated/)).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'In this article' })).toBeNull();
    expect(screen.getAllByRole('heading', { level: 2 }).every((h) => !h.closest('article'))).toBe(true);
    expect(screen.getByText('Eight crossings a day.')).toBeInTheDocument();
    expect(screen.getByText('10 July 2025, 14:30 IST')).toBeInTheDocument();
  });
});

describe('article page, navigation and failures', () => {
  it('replaces an alias URL with the canonical one', async () => {
    const { router } = renderApp(`${articleUrl('old-harbour-id')}#what-was-built`);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Harbour wall opens');
    expect(router.state.location.pathname).toBe('/articles/harbour-wall-opens');
    expect(router.state.location.hash).toBe('#what-was-built');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('shows the not-found page for an unknown id (an HTML fallback answer)', async () => {
    renderApp(articleUrl('no-such-article'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    expect(screen.getByText(/article "no-such-article"/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /front page/ })).toHaveAttribute('href', '/');
  });

  it('offers the nearest articles for a mistyped or cut-short article id, and for an unknown path', async () => {
    renderApp(articleUrl('harbour-wall-opns'));
    const guesses = await screen.findByRole('region', { name: 'Were you looking for' });
    expect(
      within(guesses)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/articles/harbour-wall-opens']);
    expect(within(guesses).getByRole('link')).toHaveTextContent('Harbour wall opens after three years');
    cleanup();

    renderApp(articleUrl('old-harbour'));
    const fromAlias = await screen.findByRole('region', { name: 'Were you looking for' });
    expect(within(fromAlias).getByRole('link')).toHaveAttribute('href', '/articles/harbour-wall-opens');
    cleanup();

    renderApp('/news/night-market-draws');
    const fromPath = await screen.findByRole('region', { name: 'Were you looking for' });
    expect(within(fromPath).getByRole('link')).toHaveAttribute('href', '/articles/night-market');
  });

  it('offers nothing when no id is near', async () => {
    const { fetchMock } = renderApp(articleUrl('zebra-crossing'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([input]) => requestUrl(input))).toContain('/data/ids/ze.json'),
    );
    expect(screen.queryByRole('region', { name: 'Were you looking for' })).toBeNull();
  });

  it('shows a schema-invalid document as an error naming the field, with a retry that works', async () => {
    let broken = true;
    renderApp(FULL, {
      override: (path) =>
        broken && path === '/data/articles/harbour-wall-opens.json'
          ? new Response(JSON.stringify({ kind: 'article', article: { id: 'x' } }), {
              headers: { 'Content-Type': 'application/json' },
            })
          : undefined,
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('/data/articles/harbour-wall-opens.json');
    expect(alert).toHaveTextContent(/article\.headline/);
    // The layout around the error stays usable.
    expect(screen.getByRole('link', { name: 'Test Gazette' })).toBeInTheDocument();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Harbour wall opens/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows malformed JSON as an error, not a crash', async () => {
    renderApp(FULL, {
      override: (path) =>
        path === '/data/articles/harbour-wall-opens.json'
          ? new Response('{"kind": "article", ', { headers: { 'Content-Type': 'application/json' } })
          : undefined,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('is not valid JSON');
  });
});
