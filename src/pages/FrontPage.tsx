import { Link, useLoaderData } from 'react-router';
import { CardList } from '../components/CardList';
import { DocumentHead } from '../components/DocumentHead';
import { Pager } from '../components/Pager';
import { TagFilter } from '../components/TagFilter';
import { frontHref } from '../filter/urlState';
import { useSite } from '../hooks/useSite';
import type { FrontView } from './loaders';

export function FrontPage() {
  const view = useLoaderData<FrontView>();
  const site = useSite();

  if (view.kind === 'unknown') {
    const without = frontHref({ tags: view.known.map((tag) => tag.slug), page: 1 });
    return (
      <>
        <DocumentHead title="Unknown tag" />
        <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
          No articles for this filter
        </h1>
        <p className="mt-3 text-lg" role="status">
          {view.unknown.length === 1 ? 'There is no tag ' : 'There are no tags '}
          {view.unknown.map((slug, i) => (
            <span key={slug}>
              {i > 0 && ', '}“<strong>{slug}</strong>”
            </span>
          ))}
          .
        </p>
        <p className="mt-4">
          <Link to={without}>
            {view.known.length > 0
              ? `Show articles tagged ${view.known.map((tag) => tag.label).join(' and ')}`
              : 'Show all articles'}
          </Link>
        </p>
      </>
    );
  }

  const filtered = view.kind === 'filtered';
  const heading = filtered ? `Tagged ${view.selected.map((tag) => tag.label).join(' and ')}` : 'Latest news';
  const title = filtered ? heading : view.state.page > 1 ? `Latest news, page ${view.state.page}` : undefined;
  return (
    <>
      <DocumentHead title={title} description={site.description} canonicalPath={frontHref(view.state)} />
      <h1 tabIndex={-1} className={filtered ? 'font-serif text-3xl font-bold' : 'sr-only'}>
        {heading}
      </h1>
      <div className="flex flex-col gap-8 lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-12">
        <div className="lg:order-2">
          <TagFilter
            state={view.state}
            selected={filtered ? view.selected : []}
            options={filtered ? view.counts : site.topTags}
            complete={filtered ? view.countsComplete : site.tagCount <= site.topTags.length}
          />
        </div>
        <div className="min-w-0 lg:order-1">
          <p role="status" className="mb-4 text-sm text-neutral-600 dark:text-neutral-400">
            {view.total} article{view.total === 1 ? '' : 's'}
            {filtered && ` tagged ${view.selected.map((tag) => tag.label).join(' and ')}`}
            {view.pageCount > 1 && `, page ${view.state.page} of ${view.pageCount}`}
          </p>
          <CardList cards={view.items} leadFirst={!filtered && view.state.page === 1} label="Articles" />
          <Pager
            page={view.state.page}
            pageCount={view.pageCount}
            hrefFor={(page) => frontHref({ ...view.state, page })}
          />
        </div>
      </div>
    </>
  );
}

export default FrontPage;
