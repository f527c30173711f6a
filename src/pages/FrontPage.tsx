import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLoaderData } from 'react-router';
import {
  allTagCountsQuery,
  coTagCountsQuery,
  indexPageQuery,
  tagPageQuery,
  tagsAndPageQuery,
  topTagsQuery,
} from '../api/queries';
import { CardList } from '../components/CardList';
import { DocumentHead } from '../components/DocumentHead';
import { Pager } from '../components/Pager';
import { TagFilter } from '../components/TagFilter';
import { useSite } from '../hooks/useSite';
import { frontUrl } from '../model/pageUrls';
import type { FrontState } from '../filter/urlState';
import type { Card, TagCount } from '../model/compiled';
import type { FrontPlan } from './loaders';

interface ListView {
  state: FrontState;
  /** The chosen tags; none for the whole index. */
  selected: TagCount[];
  items: Card[];
  /** How many of the items the editors pinned (the lead, then top stories); only the unfiltered page 1 has any. */
  pinned: number;
  total: number;
  pageCount: number;
  /** Tags that narrow the view further, with their counts within it. */
  counts: TagCount[];
  /**
   * Whether `counts` holds every such tag. Without a tag chosen it holds the most used tags (/data/tags/top.json); with
   * one, the most frequent with it (from the tag's page). "Show all tags" then fetches the rest, if asked for.
   */
  countsComplete: boolean;
}

/**
 * The reader's choices about the filter, which hold across paging and filtering (a different view remounts the
 * list below): "Show all tags", and, on a narrow screen, whether the filter is unfolded.
 */
interface Expansion {
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

function UnknownTags({ unknown, known }: Extract<FrontPlan, { kind: 'unknown' }>) {
  return (
    <>
      <DocumentHead title="Unknown tag" />
      <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
        No articles for this filter
      </h1>
      <p className="mt-3 text-lg" role="status">
        {unknown.length === 1 ? 'There is no tag ' : 'There are no tags '}
        {unknown.map((slug, i) => (
          <span key={slug}>
            {i > 0 && ', '}“<strong>{slug}</strong>”
          </span>
        ))}
        .
      </p>
      <p className="mt-4">
        <Link to={frontUrl({ tags: known.map((tag) => tag.slug) })}>
          {known.length > 0
            ? `Show articles tagged ${known.map((tag) => tag.label).join(' and ')}`
            : 'Show all articles'}
        </Link>
      </p>
    </>
  );
}

function List({ view, expansion }: { view: ListView; expansion: Expansion }) {
  const site = useSite();
  const { state, selected } = view;
  const filtered = selected.length > 0;
  // The rest of the tags, fetched only when the reader asks and the options shown are not all there are: every tag
  // there is, or, with one tag chosen, every tag that occurs with it.
  const fetchRest = expansion.expanded && !view.countsComplete;
  const single = selected.length === 1 ? selected[0]?.slug : undefined;
  const everyTag = useQuery({ ...allTagCountsQuery(), enabled: fetchRest && single === undefined });
  const withSingle = useQuery({ ...coTagCountsQuery(single ?? ''), enabled: fetchRest && single !== undefined });
  const heading = filtered ? `Tagged ${selected.map((tag) => tag.label).join(' and ')}` : 'Latest news';
  const title = filtered ? heading : state.page > 1 ? `Latest news, page ${state.page}` : undefined;
  return (
    <>
      <DocumentHead title={title} description={site.description} canonicalPath={frontUrl(state)} />
      <h1 tabIndex={-1} className={filtered ? 'font-serif text-3xl font-bold' : 'sr-only'}>
        {heading}
      </h1>
      <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-12">
        <div className="lg:order-2">
          <TagFilter
            state={state}
            selected={selected}
            options={view.counts}
            complete={view.countsComplete}
            rest={single === undefined ? everyTag.data : withSingle.data}
            {...expansion}
          />
        </div>
        <div className="min-w-0 lg:order-1">
          {/* Said to screen readers as the view changes; on the unfiltered front, news comes before counts. */}
          <p role="status" className={filtered ? 'mb-4 text-sm text-neutral-600 dark:text-neutral-400' : 'sr-only'}>
            {view.total} article{view.total === 1 ? '' : 's'}
            {filtered && ` tagged ${selected.map((tag) => tag.label).join(' and ')}`}
            {view.pageCount > 1 && `, page ${state.page} of ${view.pageCount}`}
          </p>
          <CardList
            cards={view.items}
            lead={!filtered && state.page === 1 ? 1 : 0}
            top={filtered ? 0 : Math.max(0, view.pinned - 1)}
            label="Articles"
          />
          <Pager page={state.page} pageCount={view.pageCount} hrefFor={(page) => frontUrl({ ...state, page })} />
        </div>
      </div>
    </>
  );
}

/** Every article, newest first: a page of the index. */
function AllArticles({ state, expansion }: { state: FrontState; expansion: Expansion }) {
  const { items, pinned, total, pageCount } = useSuspenseQuery(indexPageQuery(state.page)).data;
  const top = useSuspenseQuery(topTagsQuery()).data;
  const complete = top.total <= top.tags.length;
  const view = { state, selected: [], items, pinned, total, pageCount, counts: top.tags, countsComplete: complete };
  return <List view={view} expansion={expansion} />;
}

/** One tag: a page of its own list, with the tags seen most often with it. */
function OneTag({ state, tag, expansion }: { state: FrontState; tag: string; expansion: Expansion }) {
  const page = useSuspenseQuery(tagPageQuery(tag, state.page)).data;
  const { items, total, pageCount, coTags } = page;
  const view = { state, selected: [page.tag], items, pinned: 0, total, pageCount, counts: coTags };
  return <List view={{ ...view, countsComplete: coTags.length >= page.coTagTotal }} expansion={expansion} />;
}

/** Several tags: a page of their AND. */
function TagsAnd({ state, expansion }: { state: FrontState; expansion: Expansion }) {
  const result = useSuspenseQuery(tagsAndPageQuery(state.tags, state.page)).data;
  return <List view={{ state, ...result, pinned: 0, countsComplete: true }} expansion={expansion} />;
}

/** The listing, whatever it is filtered by; "Show all tags" holds while it is shown. */
function Listing({ plan }: { plan: Exclude<FrontPlan, { kind: 'unknown' }> }) {
  const [expanded, onExpandedChange] = useState(false);
  const [open, onOpenChange] = useState(false);
  const expansion = { expanded, onExpandedChange, open, onOpenChange };
  switch (plan.kind) {
    case 'all':
      return <AllArticles state={plan.state} expansion={expansion} />;
    case 'single':
      return <OneTag state={plan.state} tag={plan.tag} expansion={expansion} />;
    case 'and':
      return <TagsAnd state={plan.state} expansion={expansion} />;
  }
}

export function FrontPage() {
  const plan = useLoaderData<FrontPlan>();
  return plan.kind === 'unknown' ? <UnknownTags {...plan} /> : <Listing plan={plan} />;
}
