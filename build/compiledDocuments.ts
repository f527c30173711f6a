/**
 * The compiled documents, read back as the pages read them (through a ReadDocument: the build's staging folder,
 * or a compile held in memory) and checked against the same schemas the app validates with. Feeds and sitemaps
 * are made from these, never from the content files, so they cannot disagree with the site.
 */
import { ArticleDocument, AuthorPage, IndexPage, SiteDocument, TagPage } from '../src/model/compiled.ts';
import { dataPath } from '../src/model/paths.ts';
import type { Card, CompiledArticle } from '../src/model/compiled.ts';
import type { ReadDocument } from '../src/model/prerender.ts';
import type { z } from 'zod';

export type CompiledDocuments = ReturnType<typeof compiledDocuments>;

export function compiledDocuments(readDocument: ReadDocument) {
  const read = async <T>(path: string, schema: z.ZodType<T>): Promise<T> => {
    const decoded = decodeURIComponent(path);
    const text = await readDocument(decoded);
    if (text === undefined) throw new Error(`the compiled document ${decoded} is missing`);
    return schema.parse(JSON.parse(text));
  };
  return {
    site: () => read(dataPath.site(), SiteDocument),
    indexPage: (page: number) => read(dataPath.index(page), IndexPage),
    tagPage: (slug: string, page: number) => read(dataPath.tagPage(slug, page), TagPage),
    authorPage: (slug: string, page: number) => read(dataPath.authorPage(slug, page), AuthorPage),
    article: async (id: string): Promise<CompiledArticle> => {
      const document = await read(dataPath.article(id), ArticleDocument);
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
