import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, requestUrl } from './renderApp';

// The search code is loaded on demand (a dynamic import), which a cold test worker on a busy machine can take
// more than the default second to transform.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const results = () => screen.getByRole('list', { name: 'Search results' });
const headlines = () =>
  within(results())
    .getAllByRole('heading')
    .map((heading) => heading.textContent);

describe('the search page', { timeout: 30_000 }, () => {
  it('lists matching articles as cards, with the matching words marked in an excerpt', async () => {
    renderApp('/search?q=harbour');
    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “harbour”' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 article');
    expect(headlines()).toEqual(['Harbour wall opens after three years']);
    const card = within(results()).getByRole('article');
    expect(within(card).getByRole('link', { name: 'Harbour wall opens after three years' })).toHaveAttribute(
      'href',
      '/articles/harbour-wall-opens',
    );
    // Found in the body ("Harbour master"): marked as written, as an element, never as HTML.
    expect([...card.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Harbour']);
    expect(document.title).toBe('Results for “harbour” · Test Gazette');
  });

  it('finds accented and Korean words, authors and tags, as an AND of the words', async () => {
    renderApp('/search?q=tomas+harbour');
    await screen.findByRole('heading', { level: 1, name: 'Results for “tomas harbour”' });
    expect(headlines()).toEqual(['Harbour wall opens after three years']);
    cleanup();
    renderApp(`/search?q=${encodeURIComponent('평양')}`);
    await screen.findByRole('heading', { level: 1, name: 'Results for “평양”' });
    expect(headlines()).toEqual(['Harbour wall opens after three years']);
    cleanup();
    renderApp('/search?q=infrastructure');
    await screen.findByRole('heading', { level: 1, name: 'Results for “infrastructure”' });
    expect(headlines()).toEqual(['Harbour wall opens after three years', 'Night market draws crowds']);
  });

  it('narrows by tags with the front page’s chips, counted within the result, in URLs that keep the words', async () => {
    renderApp('/search?q=infrastructure');
    const filter = await screen.findByRole('region', { name: 'Filter by tag' });
    const narrow = await within(filter).findByRole('list', { name: 'Tags' });
    const chips = within(narrow).getAllByRole('link');
    expect(chips.map((chip) => chip.getAttribute('aria-label'))).toEqual([
      'Infrastructure, 2 articles',
      'Port Calder, 1 article',
      'Velmora, 1 article',
      '평양, 1 article',
    ]);
    expect(chips[2]).toHaveAttribute('href', '/search?q=infrastructure&tag=velmora');
    await userEvent.click(chips[2] as HTMLElement);
    await screen.findByRole('list', { name: 'Active filters' });
    expect(screen.getByRole('status')).toHaveTextContent('1 article tagged Velmora');
    expect(headlines()).toEqual(['Night market draws crowds']);
    expect(screen.getByRole('link', { name: 'Remove filter Velmora' })).toHaveAttribute(
      'href',
      '/search?q=infrastructure',
    );
  });

  it('orders newest first when asked, and says which order is shown', async () => {
    renderApp('/search?q=infrastructure&sort=newest');
    await screen.findByRole('heading', { level: 1, name: 'Results for “infrastructure”' });
    expect(headlines()).toEqual(['Harbour wall opens after three years', 'Night market draws crowds']);
    const sort = screen.getByRole('navigation', { name: 'Sort results' });
    expect(within(sort).getByRole('link', { name: 'Newest first' })).toHaveAttribute('aria-current', 'true');
    expect(within(sort).getByRole('link', { name: 'Best match' })).toHaveAttribute('href', '/search?q=infrastructure');
  });

  it('says when nothing matches and offers the tags whose names match the words', async () => {
    renderApp('/search?q=calder+zeppelin');
    expect(await screen.findByRole('heading', { level: 1, name: 'No results for “calder zeppelin”' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('No article contains every word.');
    const offered = screen.getByRole('region', { name: 'Tags that match your words' });
    expect(within(offered).getByRole('link', { name: /Port Calder/ })).toHaveAttribute('href', '/tags/port-calder');
  });

  it('shows the empty search page for an empty or wordless query, and fetches nothing of the index', async () => {
    for (const url of ['/search', '/search?q=', '/search?q=%21%21%21&page=x&sort=%00']) {
      const { fetchMock } = renderApp(url);
      expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
      const paths = fetchMock.mock.calls.map(([input]) => new URL(requestUrl(input), 'http://x').pathname);
      expect(paths.filter((path) => path.startsWith('/data/search/'))).toEqual([]);
      cleanup();
    }
  });

  it('shows a whole page of results, the first screenful before the rest, best first', async () => {
    renderApp('/search?q=story', { fixture: 'edited' });
    await screen.findByRole('heading', { level: 1, name: 'Results for “story”' });
    expect(screen.getByRole('status')).toHaveTextContent('25 articles, page 1 of 3');
    // Every story has the word in its headline: ties, newest first.
    await waitFor(() => expect(headlines()).toHaveLength(10));
    expect(headlines()).toEqual(Array.from({ length: 10 }, (_, i) => `Story ${24 - i}`));
  });

  it('sends a page past the end to the last page', async () => {
    const { router } = renderApp('/search?q=harbour&page=9');
    await screen.findByRole('heading', { level: 1, name: 'Results for “harbour”' });
    expect(router.state.location.search).toBe('?q=harbour');
  });
});

describe('the header search form', { timeout: 30_000 }, () => {
  it('is a labelled search landmark: a GET form to /search that works without the app', async () => {
    renderApp('/');
    const form = await screen.findByRole('search', { name: 'Search articles' });
    expect(form).toHaveAttribute('action', '/search');
    expect(form).toHaveAttribute('method', 'get');
    expect(within(form).getByRole('searchbox', { name: 'Search articles' })).toHaveAttribute('name', 'q');
  });

  it('searches on submit, and on the search page follows the typing, keeping focus in the box', async () => {
    const { router } = renderApp('/');
    const box = await screen.findByRole('searchbox', { name: 'Search articles' });
    await userEvent.type(box, 'harbour{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Results for “harbour”' });
    expect(router.state.location.pathname).toBe('/search');

    await userEvent.click(box);
    await userEvent.clear(box);
    await userEvent.type(box, 'night market');
    await screen.findByRole('heading', { level: 1, name: 'Results for “night market”' });
    expect(box).toHaveFocus();
    expect(headlines()).toEqual(['Night market draws crowds']);
  });

  it('shows the typed words’ results in one navigation that waits for no loader: the search is loaded first', async () => {
    const { router } = renderApp('/search?q=harbour');
    await screen.findByRole('heading', { level: 1, name: 'Results for “harbour”' });
    const seen: { navigation: string; search: string }[] = [];
    const unsubscribe = router.subscribe((state) =>
      seen.push({ navigation: state.navigation.state, search: state.location.search }),
    );
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    await userEvent.type(box, ' wall');
    await screen.findByRole('heading', { level: 1, name: 'Results for “harbour wall”' });
    unsubscribe();
    expect(headlines()).toEqual(['Harbour wall opens after three years']);
    // No "loading" state (the root's and the search's loaders would only find in the cache what the box loaded).
    expect(seen.map((state) => state.navigation)).not.toContain('loading');
    expect(seen.at(-1)?.search).toBe('?q=harbour+wall');
    expect(box).toHaveFocus();
  });

  it('"/" focuses the box, but not while typing in another field', async () => {
    renderApp('/');
    const box = await screen.findByRole('searchbox', { name: 'Search articles' });
    await userEvent.keyboard('/');
    expect(box).toHaveFocus();
    expect(box).toHaveValue('');
    box.blur();
    const other = document.createElement('textarea');
    document.body.append(other);
    other.focus();
    await userEvent.keyboard('/');
    expect(other).toHaveFocus();
    expect(other).toHaveValue('/');
    other.remove();
  });

  it('shows the words of the URL after Back', async () => {
    const { router } = renderApp('/search?q=harbour');
    await screen.findByRole('heading', { level: 1, name: 'Results for “harbour”' });
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    expect(box).toHaveValue('harbour');
    await router.navigate('/search?q=market');
    await screen.findByRole('heading', { level: 1, name: 'Results for “market”' });
    await waitFor(() => expect(box).toHaveValue('market'));
    await router.navigate(-1);
    await screen.findByRole('heading', { level: 1, name: 'Results for “harbour”' });
    await waitFor(() => expect(box).toHaveValue('harbour'));
  });
});
