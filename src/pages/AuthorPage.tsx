import { useSuspenseQuery } from '@tanstack/react-query';
import { authorPageQuery } from '../api/queries';
import { CardList } from '../components/CardList';
import { DocumentHead } from '../components/DocumentHead';
import { FeedLink } from '../components/FeedLinks';
import { Pager } from '../components/Pager';
import { useListParams } from '../hooks/useListParams';
import { authorUrl, pagedUrl } from '../model/pageUrls';

export function AuthorPage() {
  const { slug, page: requested } = useListParams();
  const { data } = useSuspenseQuery(authorPageQuery(slug, requested));
  const { author, items, page, pageCount, total } = data;
  const path = authorUrl(author.slug);
  return (
    <>
      <DocumentHead
        title={author.name}
        description={`Articles by ${author.name}`}
        canonicalPath={pagedUrl(path, page)}
        feed={{ path, title: author.name }}
      />
      <p className="text-sm font-semibold tracking-wider text-neutral-600 uppercase dark:text-neutral-400">Author</p>
      <h1 tabIndex={-1} className="font-serif text-4xl font-black">
        {author.name}
      </h1>
      {author.roles.length > 0 && (
        <p className="mt-1 text-lg text-neutral-700 dark:text-neutral-300">{author.roles.join(' · ')}</p>
      )}
      <p className="mt-1 text-neutral-600 dark:text-neutral-400">
        {total} article{total === 1 ? '' : 's'}
      </p>
      <FeedLink path={path} title={author.name} />
      <h2 className="sr-only">Articles</h2>
      <div className="mt-8">
        <CardList cards={items} label={`Articles by ${author.name}`} />
      </div>
      <Pager page={page} pageCount={pageCount} hrefFor={(n) => pagedUrl(path, n)} />
    </>
  );
}
