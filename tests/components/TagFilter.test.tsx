/** The tag filter on its own: it shows what its page gives it, and leaves fetching to the page. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TagFilter } from '../../src/components/TagFilter';
import type { TagCount } from '../../src/model/compiled';

afterEach(cleanup);

const tags = (n: number, prefix = 'tag'): TagCount[] =>
  Array.from({ length: n }, (_, i) => ({ slug: `${prefix}-${i + 1}`, label: `${prefix} ${i + 1}`, count: n - i }));

function renderFilter(props: Partial<Parameters<typeof TagFilter>[0]> = {}) {
  const onExpandedChange = vi.fn();
  const element = (
    <TagFilter
      state={{ tags: [], page: 1 }}
      selected={[]}
      options={tags(20)}
      complete={false}
      expanded={false}
      onExpandedChange={onExpandedChange}
      open={false}
      onOpenChange={vi.fn()}
      {...props}
    />
  );
  const router = createMemoryRouter([{ path: '*', element }]);
  render(<RouterProvider router={router} />);
  return { onExpandedChange, links: () => within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('link') };
}

describe('TagFilter', () => {
  it('shows the first 16 options, each a link to the narrower view', () => {
    const { links } = renderFilter();
    expect(links()).toHaveLength(16);
    expect(links()[0]).toHaveAttribute('href', '/?tag=tag-1');
    expect(links()[0]).toHaveAccessibleName('tag 1, 20 articles');
  });

  it('asks its page to show every tag, and shows the rest the page gives it', async () => {
    const { onExpandedChange } = renderFilter();
    await userEvent.click(screen.getByRole('button', { name: 'Show all tags' }));
    expect(onExpandedChange).toHaveBeenCalledWith(true);
    cleanup();

    const { links } = renderFilter({ expanded: true, rest: tags(30, 'every') });
    expect(links()).toHaveLength(30);
    expect(screen.getByRole('button', { name: 'Show fewer tags' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows the options it has while the rest is not there yet, and all of them when they are complete', () => {
    expect(renderFilter({ expanded: true }).links()).toHaveLength(20);
    cleanup();
    expect(renderFilter({ expanded: true, complete: true, rest: tags(30, 'every') }).links()).toHaveLength(20);
  });
});
