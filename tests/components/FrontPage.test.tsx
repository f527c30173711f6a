import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frontUrl } from '../../src/model/pageUrls';
import { compileFixture, renderApp, requestUrl } from './renderApp';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const requested = (fetchMock: ReturnType<typeof renderApp>['fetchMock']) =>
  fetchMock.mock.calls.map(([input]) => decodeURIComponent(new URL(requestUrl(input), 'http://localhost').pathname));

describe('front page filtered by tags', () => {
  it('answers one tag from its own pages, without its facet', async () => {
    const { fetchMock } = renderApp(frontUrl({ tags: ['port-calder'] }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tagged Port Calder' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('2 articles tagged Port Calder');
    const narrow = screen.getByRole('list', { name: 'Narrow further' });
    expect(
      within(narrow)
        .getAllByRole('link')
        .map((link) => link.getAttribute('aria-label')),
    ).toEqual(['Infrastructure, 1 article', 'Transport, 1 article', '평양, 1 article']);
    expect(screen.queryByRole('button', { name: 'Show all tags' })).toBeNull();
    expect(requested(fetchMock).filter((path) => path.startsWith('/data/facets/'))).toEqual([]);
  });

  it('counts the rest from the facet only when the reader asks for all tags', async () => {
    const page = JSON.parse(compileFixture('app').documents.get('/data/tags/port-calder/1.json') ?? '{}') as {
      coTags: unknown[];
      coTagTotal: number;
    };
    // As for a tag with more co-occurring tags than its pages list.
    const shortened = JSON.stringify({ ...page, coTags: page.coTags.slice(0, 1) });
    const { fetchMock } = renderApp(frontUrl({ tags: ['port-calder'] }), {
      override: (path) =>
        path === '/data/tags/port-calder/1.json'
          ? new Response(shortened, { headers: { 'Content-Type': 'application/json' } })
          : undefined,
    });
    const narrow = await screen.findByRole('list', { name: 'Narrow further' });
    expect(within(narrow).getAllByRole('link')).toHaveLength(1);
    expect(requested(fetchMock)).not.toContain('/data/facets/port-calder.json');

    await userEvent.click(screen.getByRole('button', { name: 'Show all tags' }));
    await screen.findByRole('link', { name: '평양, 1 article' });
    expect(within(screen.getByRole('list', { name: 'Narrow further' })).getAllByRole('link')).toHaveLength(3);
    expect(requested(fetchMock)).toContain('/data/facets/port-calder.json');
  });

  it('answers an AND of tags from the rarest tag’s facet, with counts within the result', async () => {
    const { fetchMock } = renderApp(frontUrl({ tags: ['port-calder', 'infrastructure'] }));
    expect(await screen.findByRole('status')).toHaveTextContent('1 article tagged Port Calder and Infrastructure');
    const narrow = screen.getByRole('list', { name: 'Narrow further' });
    expect(
      within(narrow)
        .getAllByRole('link')
        .map((link) => link.getAttribute('aria-label')),
    ).toEqual(['평양, 1 article']);
    expect(requested(fetchMock).some((path) => path.startsWith('/data/facets/'))).toBe(true);
  });
});
