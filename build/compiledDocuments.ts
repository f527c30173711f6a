/**
 * The compiled documents, read back as the pages read them (through a ReadDocument: the build's staging folder,
 * or a compile held in memory). Feeds and sitemaps are made from these, never from the content files, so they
 * cannot disagree with the site.
 *
 * They are typed by src/model/compiled.ts but not validated again: this build's compiler wrote them from validated
 * content, and at 100,000 articles running the app's zod schemas over every article document and list page
 * would cost more than writing the feeds (about 0.55 ms an article document). The app validates what it fetches
 * because that crossed a network.
 */
import { dataPath } from '../src/model/paths.ts';
import type {
  ArticleDocument,
  AuthorPage,
  Card,
  CompiledArticle,
  IndexPage,
  SectionPage,
  SiteDocument,
  TagPage,
} from '../src/model/compiled.ts';
import type { ReadDocument } from '../src/model/prerender.ts';

export type CompiledDocuments = ReturnType<typeof compiledDocuments>;

export function compiledDocuments(readDocument: ReadDocument) {
  const read = async <T>(path: string): Promise<T> => {
    const decoded = decodeURIComponent(path);
    const text = await readDocument(decoded);
    if (text === undefined) throw new Error(`the compiled document ${decoded} is missing`);
    return JSON.parse(text) as T;
  };
  return {
    site: () => read<SiteDocument>(dataPath.site()),
    indexPage: (page: number) => read<IndexPage>(dataPath.index(page)),
    tagPage: (slug: string, page: number) => read<TagPage>(dataPath.tagPage(slug, page)),
    authorPage: (slug: string, page: number) => read<AuthorPage>(dataPath.authorPage(slug, page)),
    sectionPage: (slug: string, page: number) => read<SectionPage>(dataPath.sectionPage(slug, page)),
    article: async (id: string): Promise<CompiledArticle> => {
      const document = await read<ArticleDocument>(dataPath.article(id));
      if (document.kind !== 'article') throw new Error(`the compiled document of article ${id} is a redirect`);
      return document.article;
    },
    /** Every article's card, in the order of the front page's pages (all of them, each once). */
    async *allCards(): AsyncGenerator<Card> {
      for (let page = 1, pageCount = 1; page <= pageCount; page++) {
        const document = await this.indexPage(page);
        pageCount = document.pageCount;
        yield* document.items;
      }
    },
  };
}

/** Newest `publishedAt` first, ties by id: the order of every list (build/compile/corpus.ts). */
export const newestFirst = (a: Card, b: Card) =>
  Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A card's last change: its update, or its publication. */
export const lastChange = (card: Pick<Card, 'publishedAt' | 'updatedAt'>) =>
  new Date(card.updatedAt ?? card.publishedAt);
