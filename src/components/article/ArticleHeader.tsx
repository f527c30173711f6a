import { Link } from 'react-router';
import { sectionUrl } from '../../model/pageUrls';
import { readingMinutes, wordCount } from '../../model/reading';
import { slugify } from '../../model/slug';
import { Byline } from '../Byline';
import { Dateline } from '../Dateline';
import { InlineText } from '../InlineText';
import type { CompiledArticle } from '../../model/compiled';

export function ArticleHeader({ article }: { article: CompiledArticle }) {
  const minutes = readingMinutes(wordCount(article));
  return (
    <header className="mx-auto max-w-3xl">
      {article.section && (
        <p className="text-sm font-semibold tracking-wider uppercase">
          <Link
            to={sectionUrl(slugify(article.section))}
            className="text-red-700 no-underline hover:underline dark:text-red-400"
          >
            {article.section}
          </Link>
        </p>
      )}
      <h1
        tabIndex={-1}
        className="mt-1 font-serif text-3xl leading-tight font-black text-balance outline-none sm:text-5xl"
      >
        {article.headline}
      </h1>
      {article.standfirst && (
        <p className="mt-4 text-lg leading-relaxed text-neutral-700 sm:text-xl dark:text-neutral-300">
          <InlineText text={article.standfirst} />
        </p>
      )}
      <div className="mt-5 space-y-1 border-t border-neutral-200 pt-4 dark:border-neutral-800">
        <Byline authors={article.byline} />
        <Dateline publishedAt={article.publishedAt} updatedAt={article.updatedAt} />
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{minutes} min read</p>
      </div>
    </header>
  );
}
