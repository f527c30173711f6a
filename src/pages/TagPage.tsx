import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { tagPageQuery } from '../api/queries';
import { CardList } from '../components/CardList';
import { DocumentHead } from '../components/DocumentHead';
import { FeedLink } from '../components/FeedLinks';
import { Pager } from '../components/Pager';
import { useListParams } from '../hooks/useListParams';
import { frontUrl, pagedUrl, tagUrl } from '../model/pageUrls';

/** How many of the tags that occur with this one the page offers. */
const OFTEN_TAGGED_SHOWN = 12;

export function TagPage() {
  const { slug, page: requested } = useListParams();
  const { data } = useSuspenseQuery(tagPageQuery(slug, requested));
  const { tag, coTags, items, page, pageCount } = data;
  const path = tagUrl(tag.slug);
  return (
    <>
      <DocumentHead
        title={tag.label}
        description={`Articles tagged ${tag.label}`}
        canonicalPath={pagedUrl(path, page)}
        feed={{ path, title: tag.label }}
      />
      <p className="text-sm font-semibold tracking-wider text-neutral-600 uppercase dark:text-neutral-400">Tag</p>
      <h1 tabIndex={-1} className="font-serif text-4xl font-black">
        {tag.label}
      </h1>
      <p className="mt-1 text-neutral-600 dark:text-neutral-400">
        {tag.count} article{tag.count === 1 ? '' : 's'}
      </p>
      <FeedLink path={path} title={tag.label} />
      {coTags.length > 0 && (
        <nav aria-labelledby="cotags-heading" className="mt-6">
          <h2
            id="cotags-heading"
            className="text-sm font-semibold tracking-wider text-neutral-600 uppercase dark:text-neutral-400"
          >
            Often tagged with {tag.label}
          </h2>
          <ul className="mt-2 flex list-none flex-wrap gap-2 p-0">
            {coTags.slice(0, OFTEN_TAGGED_SHOWN).map((other) => (
              <li key={other.slug}>
                <Link
                  to={frontUrl({ tags: [tag.slug, other.slug] })}
                  aria-label={`${tag.label} and ${other.label}, ${other.count} article${other.count === 1 ? '' : 's'}`}
                  className="inline-flex items-baseline gap-1 rounded-full border border-neutral-300 px-3 py-1 text-sm text-neutral-900 no-underline hover:border-neutral-900 dark:border-neutral-700 dark:text-neutral-100"
                >
                  {other.label} <span className="text-xs text-neutral-600 dark:text-neutral-400">{other.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h2 className="sr-only">Articles</h2>
      <div className="mt-8">
        <CardList cards={items} label={`Articles tagged ${tag.label}`} />
      </div>
      <Pager page={page} pageCount={pageCount} hrefFor={(n) => pagedUrl(path, n)} />
    </>
  );
}
