import { useSuspenseQuery } from '@tanstack/react-query';
import { Navigate, useLocation, useParams } from 'react-router';
import { articleQuery } from '../api/queries';
import { ArticleBody } from '../components/article/ArticleBody';
import { ArticleHeader } from '../components/article/ArticleHeader';
import { ArticleJsonLd } from '../components/article/ArticleJsonLd';
import { RelatedArticles } from '../components/article/RelatedArticles';
import { ShareControl } from '../components/article/ShareControl';
import { DocumentHead } from '../components/DocumentHead';
import { Figure } from '../components/Figure';
import { TagList } from '../components/TagList';
import { useScrollToHash } from '../hooks/useScrollToHash';
import { useSite } from '../hooks/useSite';
import { plainText } from '../model/inline';
import { articleUrl } from '../model/pageUrls';
import { mediaUrl } from '../model/paths';

export function ArticlePage() {
  const id = useParams().id ?? '';
  const { hash } = useLocation();
  const site = useSite();
  const { data } = useSuspenseQuery(articleQuery(id));
  useScrollToHash(data);
  if (data.kind === 'redirect') {
    // An alias: the canonical URL replaces it (no extra history entry), keeping any #section.
    return <Navigate replace to={{ pathname: articleUrl(data.to), hash }} />;
  }
  const { article, related, moreInSection } = data;

  return (
    <>
      <DocumentHead
        title={article.headline}
        description={article.standfirst ? plainText(article.standfirst) : undefined}
        canonicalPath={articleUrl(article.id)}
        image={article.image ? mediaUrl(article.image.src) : undefined}
        type="article"
      />
      <ArticleJsonLd article={article} siteName={site.name} />
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12">
        <article className="min-w-0">
          <ArticleHeader article={article} />
          {article.image ? (
            <Figure image={article.image} priority="lead" className="mx-auto mt-6 max-w-4xl" />
          ) : (
            <hr className="mx-auto mt-6 max-w-3xl border-neutral-200 dark:border-neutral-800" />
          )}
          <div className="prose prose-neutral prose-lg dark:prose-invert mx-auto mt-6 max-w-[68ch] prose-a:text-red-800 dark:prose-a:text-red-300 prose-blockquote:font-serif">
            <ArticleBody sections={article.sections} />
          </div>
          {article.tags && article.tags.length > 0 && (
            <div className="mx-auto mt-8 max-w-[68ch] print:hidden">
              <TagList tags={article.tags} label="Article tags" />
            </div>
          )}
          <ShareControl title={article.headline} path={articleUrl(article.id)} />
        </article>
        <div className="mx-auto mt-12 max-w-[68ch] lg:mt-0">
          <RelatedArticles related={related} moreInSection={moreInSection} section={article.section} />
        </div>
      </div>
    </>
  );
}
