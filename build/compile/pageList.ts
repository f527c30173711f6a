/**
 * The pages the site build prerenders: the front page, every article, and the first page of every tag, author
 * and section. Anything else (filters, later pages, aliases) the app renders in the browser.
 */
import { articleUrl, authorUrl, sectionUrl, tagUrl } from '../../src/model/pageUrls.ts';
import type { Corpus } from './corpus.ts';
import type { PageList } from './types.ts';

export const noPages = (): PageList => ({ front: [], article: [], tag: [], author: [], section: [] });

export function pageList({
  articles,
  tagLists,
  authorLists,
  sectionLists,
}: Pick<Corpus, 'articles' | 'tagLists' | 'authorLists' | 'sectionLists'>): PageList {
  const sorted = (keys: Iterable<string>) => [...keys].sort();
  return {
    front: ['/'],
    article: articles.map((article) => articleUrl(article.id)),
    tag: sorted(tagLists.keys()).map(tagUrl),
    author: sorted(authorLists.keys()).map(authorUrl),
    section: sorted(sectionLists.keys()).map(sectionUrl),
  };
}
