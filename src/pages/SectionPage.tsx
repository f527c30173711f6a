import { useSuspenseQuery } from '@tanstack/react-query';
import { sectionPageQuery } from '../api/queries';
import { CardList } from '../components/CardList';
import { DocumentHead } from '../components/DocumentHead';
import { FeedLink } from '../components/FeedLinks';
import { Pager } from '../components/Pager';
import { useListParams } from '../hooks/useListParams';
import { pagedUrl, sectionUrl } from '../model/pageUrls';

/** A section front: the desk's articles newest first, its newest story leading page 1 as on the front page. */
export function SectionPage() {
  const { slug, page: requested } = useListParams();
  const { data } = useSuspenseQuery(sectionPageQuery(slug, requested));
  const { section, items, page, pageCount, total } = data;
  const path = sectionUrl(section.slug);
  return (
    <>
      <DocumentHead
        title={section.name}
        description={`The latest ${section.name} news`}
        canonicalPath={pagedUrl(path, page)}
        feed={{ path, title: section.name }}
      />
      <h1 tabIndex={-1} className="font-serif text-4xl font-black">
        {section.name}
      </h1>
      <p className="mt-1 text-neutral-600 dark:text-neutral-400">
        {total} article{total === 1 ? '' : 's'}
        {pageCount > 1 && `, page ${page} of ${pageCount}`}
      </p>
      <FeedLink path={path} title={section.name} />
      <div className="mt-6">
        <CardList cards={items} lead={page === 1 ? 1 : 0} label={`${section.name} articles`} />
      </div>
      <Pager page={page} pageCount={pageCount} hrefFor={(n) => pagedUrl(path, n)} />
    </>
  );
}
