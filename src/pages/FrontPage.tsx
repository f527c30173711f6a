import { useQuery, useSuspenseQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useLoaderData } from 'react-router';
import { allTagCountsQuery, coTagCountsQuery, indexPageQuery, tagFacetQuery, tagPageQuery } from '../api/queries';
import { CardList } from '../components/CardList';
import { DocumentHead } from '../components/DocumentHead';
import { Pager } from '../components/Pager';
import { TagFilter } from '../components/TagFilter';
import { andPage } from '../filter/tagFilter';
import { useSite } from '../hooks/useSite';
import { frontUrl } from '../model/pageUrls';
import type { FrontState } from '../filter/urlState';
import type { Card, TagCount } from '../model/compiled';
import type { FrontPlan } from './loaders';

type FrontView =
  | { kind: 'all'; state: FrontState; items: Card[]; total: number; pageCount: number }
  | {
      kind: 'filtered';
      state: FrontState;
      selected: TagCount[];
      items: Card[];
      total: number;
      pageCount: number;
      /** Further tags within the result, with their counts within it. */
      counts: TagCount[];
      /**
       * Whether `counts` holds every such tag. With one tag chosen it holds only the most frequent (from the
       * tag's page); "all tags" then counts the rest from the tag's facet, fetched only if asked for.
       */
      countsComplete: boolean;
    }
  | Extract<FrontPlan, { kind: 'unknown' }>;

/**
 * The view the loader planned, assembled from the documents it cached. The same hooks run for every kind of view
 * (each reads an empty list when it has nothing to read), so the page keeps its state across views.
 */
function useFrontView(plan: FrontPlan): FrontView {
  const { pageSize } = useSite();
  const { state } = plan;
  const [index] = useSuspenseQueries({
    queries: (plan.kind === 'all' ? [state.page] : []).map(indexPageQuery),
  });
  // One tag: its own page. An AND: the first page of each chosen tag, for their labels.
  const tagPages = useSuspenseQueries({
    queries:
      plan.kind === 'single'
        ? [tagPageQuery(plan.tag, state.page)]
        : plan.kind === 'and'
          ? state.tags.map((slug) => tagPageQuery(slug, 1))
          : [],
  });
  const pivot = plan.kind === 'and' ? plan.pivot : undefined;
  const facet = useSuspenseQueries({ queries: (pivot === undefined ? [] : [pivot]).map(tagFacetQuery) })[0]?.data;
  const result = useMemo(
    () => (facet ? andPage(facet, state.tags, state.page, pageSize) : undefined),
    [facet, state.tags, state.page, pageSize],
  );
  const sources = useSuspenseQueries({
    queries: (result?.sourcePages ?? []).map((n) => tagPageQuery(pivot ?? '', n)),
  });

  switch (plan.kind) {
    case 'unknown':
      return plan;
    case 'all': {
      if (!index) throw new Error('front page: the index page is not loaded');
      const { items, total, pageCount } = index.data;
      return { kind: 'all', state, items, total, pageCount };
    }
    case 'single': {
      const [page] = tagPages;
      if (!page) throw new Error(`front page: tag "${plan.tag}" is not loaded`);
      const { tag, items, total, pageCount, coTags, coTagTotal } = page.data;
      return {
        kind: 'filtered',
        state,
        selected: [tag],
        items,
        total,
        pageCount,
        counts: coTags,
        countsComplete: coTags.length >= coTagTotal,
      };
    }
    case 'and': {
      if (!result) throw new Error(`front page: the facet of tag "${plan.pivot}" is not loaded`);
      const documents = new Map(result.sourcePages.map((n, i) => [n, sources[i]?.data]));
      const items = result.located
        .map(({ sourcePage, offset }) => documents.get(sourcePage)?.items[offset])
        .filter((card): card is Card => card !== undefined);
      return {
        kind: 'filtered',
        state,
        selected: tagPages.map((page) => page.data.tag),
        items,
        total: result.total,
        pageCount: result.pageCount,
        counts: result.counts,
        countsComplete: true,
      };
    }
  }
}

/**
 * The tag filter with the rest of its tags: "Show all tags" fetches every tag there is, or, with one tag chosen,
 * every tag that occurs with it, only when the reader asks and the options shown are not all there are.
 */
function FrontTagFilter(props: { state: FrontState; selected: TagCount[]; options: TagCount[]; complete: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const single = props.selected.length === 1 ? props.selected[0]?.slug : undefined;
  const fetchRest = expanded && !props.complete;
  const everyTag = useQuery({ ...allTagCountsQuery(), enabled: fetchRest && single === undefined });
  const withSingle = useQuery({ ...coTagCountsQuery(single ?? ''), enabled: fetchRest && single !== undefined });
  return (
    <TagFilter
      {...props}
      rest={single === undefined ? everyTag.data : withSingle.data}
      expanded={expanded}
      onExpandedChange={setExpanded}
    />
  );
}

export function FrontPage() {
  const view = useFrontView(useLoaderData<FrontPlan>());
  const site = useSite();

  if (view.kind === 'unknown') {
    const without = frontUrl({ tags: view.known.map((tag) => tag.slug), page: 1 });
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
      <DocumentHead title={title} description={site.description} canonicalPath={frontUrl(view.state)} />
      <h1 tabIndex={-1} className={filtered ? 'font-serif text-3xl font-bold' : 'sr-only'}>
        {heading}
      </h1>
      <div className="flex flex-col gap-8 lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-12">
        <div className="lg:order-2">
          <FrontTagFilter
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
            hrefFor={(page) => frontUrl({ ...view.state, page })}
          />
        </div>
      </div>
    </>
  );
}

export default FrontPage;
