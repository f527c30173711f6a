import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from './renderApp';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const headlines = (list: HTMLElement) =>
  within(list)
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);

describe('the edited front page', () => {
  it('leads with the pinned lead, then the top stories, then the rest newest first', async () => {
    renderApp('/', { fixture: 'edited' });
    const list = await screen.findByRole('list', { name: 'Articles' });
    expect(headlines(list).slice(0, 6)).toEqual(['Story 2', 'Story 0', 'Story 24', 'Story 23', 'Story 22', 'Story 21']);
    expect(headlines(list)).toHaveLength(20);
    // The lead is the largest headline, then the top stories, then the stream.
    const sizes = within(list)
      .getAllByRole('heading', { level: 2 })
      .slice(0, 4)
      .map((heading) => heading.className.match(/text-(\d?xl)\b/)?.[1]);
    expect(sizes).toEqual(['3xl', '2xl', '2xl', 'xl']);
  });

  it('goes on with the same list on page 2, without repeating a pinned story', async () => {
    renderApp('/?page=2', { fixture: 'edited' });
    const list = await screen.findByRole('list', { name: 'Articles' });
    expect(headlines(list)).toEqual(['Story 6', 'Story 5', 'Story 4', 'Story 3', 'Story 1']);
  });

  it('ignores the pins when filtered by tag, and on a section front', async () => {
    renderApp('/?tag=news', { fixture: 'edited' });
    const filtered = await screen.findByRole('list', { name: 'Articles' });
    expect(headlines(filtered).slice(0, 3)).toEqual(['Story 24', 'Story 23', 'Story 22']);
    cleanup();
    renderApp('/sections/sport', { fixture: 'edited' });
    const list = await screen.findByRole('list', { name: 'Sport articles' });
    expect(headlines(list).slice(0, 3)).toEqual(['Story 23', 'Story 21', 'Story 19']);
  });
});

describe('the section menu and section fronts', () => {
  it('lists the sections in site.json order on every page, marking none on the front page', async () => {
    renderApp('/', { fixture: 'edited' });
    const menu = await screen.findByRole('navigation', { name: 'Sections' });
    const links = within(menu).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Sport', '/sections/sport'],
      ['World', '/sections/world'],
    ]);
    expect(links.filter((link) => link.hasAttribute('aria-current'))).toEqual([]);
  });

  it('shows a section front: its name as h1, its articles newest first, paged, its link current', async () => {
    renderApp('/sections/world', { fixture: 'edited' });
    expect(await screen.findByRole('heading', { level: 1, name: 'World' })).toBeInTheDocument();
    expect(document.title).toBe('World · Broadsheet');
    const menu = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(menu).getByRole('link', { name: 'World' })).toHaveAttribute('aria-current', 'page');
    expect(within(menu).getByRole('link', { name: 'Sport' })).not.toHaveAttribute('aria-current');
    expect(screen.getByText('13 articles')).toBeInTheDocument();
    expect(headlines(screen.getByRole('list', { name: 'World articles' }))[0]).toBe('Story 24');
  });

  it('marks the section of the article on screen, and the article’s section label links to its front', async () => {
    const { router } = renderApp('/articles/story-3', { fixture: 'edited' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Story 3' })).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(menu).getByRole('link', { name: 'Sport' })).toHaveAttribute('aria-current', 'true');
    const main = screen.getByRole('main');
    await userEvent.click(within(main).getByRole('link', { name: 'Sport' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sport' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sections/sport');
  });

  it('shows the not-found page for an unknown section', async () => {
    renderApp('/sections/opinion', { fixture: 'edited' });
    expect(await screen.findByRole('heading', { level: 1, name: /not found/i })).toBeInTheDocument();
  });

  it('sends a page past the end of a section to its last page', async () => {
    const { router } = renderApp('/sections/sport?page=9', { fixture: 'edited' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sport' })).toBeInTheDocument();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/sections/sport');
  });
});

describe('the tag filter on a narrow screen', () => {
  it('folds behind "Filter by tag", saying how many tags are chosen', async () => {
    renderApp('/?tag=port-calder');
    const summary = await screen.findByText('Filter by tag', { selector: 'summary' });
    expect(summary).toHaveTextContent('Filter by tag(1 chosen)');
    expect(summary.closest('details')).not.toHaveAttribute('open');
  });
});
