/**
 * The multi-tag filter. Every option is a link to the URL of the narrower view, so choosing one
 * pushes a history entry (Back undoes it) and every state is a bookmark.
 *
 * On a narrow screen it folds away behind "Filter by tag" so the news comes first; on a wide one it is a sidebar,
 * always open. It is a native <details>, so it opens without the app (a prerendered page runs none until the
 * reader reaches for it), and the browser toggles it; the page only remembers the state, so it stays open while
 * the reader picks tag after tag (each choice is a new view). Where a browser cannot style the open state (no ::details-content), the wide
 * screen keeps the toggle.
 */
import { Link } from 'react-router';
import { type FrontState, withTag, withoutTag } from '../filter/urlState';
import { frontUrl } from '../model/pageUrls';
import type { TagCount } from '../model/compiled';

const SHOWN_AT_FIRST = 16;

interface TagFilterProps {
  state: FrontState;
  selected: TagCount[];
  /** Tags that narrow the current view, with their counts within it (most used first). */
  options: TagCount[];
  /**
   * Whether `options` is every tag that narrows the view; otherwise "all tags" shows `rest` once the page has it:
   * every tag there is, or, with one tag chosen, every tag that occurs with it.
   */
  complete: boolean;
  /** Every tag that narrows the view, when `options` is not complete and the page has fetched them. */
  rest?: TagCount[];
  /** Whether every tag is shown ("Show all tags" was pressed). */
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
  /** Whether the filter is unfolded on a narrow screen (a wide screen always shows it). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The URL of a narrower or wider view: the front page's by default; the search page keeps its words. */
  urlFor?: (state: FrontState) => string;
  /** The options are still being counted (search counts them after showing its results). */
  pending?: boolean;
}

export function TagFilter(props: TagFilterProps) {
  const { state, selected, options, complete, rest, expanded, onExpandedChange, open, onOpenChange } = props;
  const urlFor = props.urlFor ?? frontUrl;
  const list = expanded && !complete ? (rest ?? options) : options;
  const shown = expanded ? list : list.slice(0, SHOWN_AT_FIRST);
  // More to show when the list is cut short here, or when it is only the most used tags.
  const hasMore = !complete || options.length > SHOWN_AT_FIRST;

  const chosen = selected.length > 0 ? `${selected.length} chosen` : undefined;
  return (
    <details
      open={open}
      onToggle={(event) => onOpenChange(event.currentTarget.open)}
      className="print:hidden lg:mb-8 lg:details-content:[content-visibility:visible]"
    >
      <summary className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded border border-neutral-300 px-3 text-sm font-semibold dark:border-neutral-700 lg:supports-[selector(::details-content)]:hidden">
        Filter by tag
        {chosen && <span className="font-normal text-neutral-600 dark:text-neutral-400">({chosen})</span>}
      </summary>
      <section aria-labelledby="filter-heading" className="mt-3 lg:mt-0">
        <h2
          id="filter-heading"
          className="text-sm font-semibold tracking-wider text-neutral-600 uppercase dark:text-neutral-400 max-lg:sr-only"
        >
          Filter by tag
        </h2>
        {selected.length > 0 && (
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <ul aria-label="Active filters" className="flex list-none flex-wrap gap-2 p-0">
              {selected.map((tag) => (
                <li key={tag.slug}>
                  <Link
                    to={urlFor(withoutTag(state, tag.slug))}
                    aria-label={`Remove filter ${tag.label}`}
                    className="inline-flex items-center gap-1 rounded-full bg-neutral-900 px-3 py-1 text-sm text-white no-underline dark:bg-neutral-100 dark:text-neutral-900"
                  >
                    {tag.label} <span aria-hidden="true">×</span>
                  </Link>
                </li>
              ))}
            </ul>
            <Link to={urlFor({ tags: [], page: 1 })} className="text-sm">
              Clear all
            </Link>
          </div>
        )}
        {props.pending ? (
          <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">Counting tags…</p>
        ) : shown.length > 0 ? (
          <ul
            aria-label={selected.length > 0 ? 'Narrow further' : 'Tags'}
            className="mt-3 flex list-none flex-wrap gap-2 p-0"
          >
            {shown.map((tag) => (
              <li key={tag.slug}>
                <Link
                  to={urlFor(withTag(state, tag.slug))}
                  aria-label={`${tag.label}, ${tag.count} article${tag.count === 1 ? '' : 's'}`}
                  className="inline-flex items-baseline gap-1 rounded-full border border-neutral-300 px-3 py-1 text-sm text-neutral-900 no-underline hover:border-neutral-900 dark:border-neutral-700 dark:text-neutral-100 dark:hover:border-neutral-100"
                >
                  {tag.label} <span className="text-xs text-neutral-600 dark:text-neutral-400">{tag.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">No further tag narrows these articles.</p>
        )}
        {hasMore && !props.pending && (
          <button
            type="button"
            aria-expanded={expanded}
            onClick={() => onExpandedChange(!expanded)}
            className="mt-2 text-sm underline"
          >
            {expanded ? 'Show fewer tags' : 'Show all tags'}
          </button>
        )}
      </section>
    </details>
  );
}
