import { Link } from 'react-router';

interface PagerProps {
  page: number;
  pageCount: number;
  /** The URL of a page, keeping every other part of the view (tags, path) as it is. */
  hrefFor: (page: number) => string;
}

/** Real links, so paging is bookmarkable and works without JavaScript-only state. */
export function Pager({ page, pageCount, hrefFor }: PagerProps) {
  if (pageCount <= 1) return null;
  const linkClass =
    'rounded border border-neutral-300 px-3 py-1 no-underline hover:border-neutral-900 dark:border-neutral-700 dark:hover:border-neutral-100';
  return (
    <nav aria-label="Pages" className="mt-8 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className={linkClass}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className={linkClass}>
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
