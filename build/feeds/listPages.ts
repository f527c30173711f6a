/**
 * The list pages that have feeds, read from the compiled documents: a title, the page's site path, and its latest
 * articles newest first. Which kinds of page in the build's PageList are lists, and how each is read, is the table
 * LIST_SOURCES: a kind it does not name has no feed.
 */
import { newestFirst, type CompiledDocuments } from '../compiledDocuments.ts';
import type { Card } from '../../src/model/compiled.ts';
import type { PageList } from '../compile.ts';

/** How many articles a feed carries. */
export const FEED_ITEMS = 50;

export interface ListPage {
  /** The page's site path (percent-encoded, as src/model/pageUrls.ts spells it); its feeds are named after it. */
  path: string;
  /** The page's own title (a tag's label, an author's name); the front page has none: its title is the site's. */
  title?: string;
  description?: string;
  /** Its latest articles, newest first, at most FEED_ITEMS. */
  cards: Card[];
}

type Paged = (page: number) => Promise<{ pageCount: number; items: Card[] }>;

/** The first `count` cards of a list that is newest first already (a tag's, an author's). */
async function firstCards(pageAt: Paged, count: number): Promise<Card[]> {
  const cards: Card[] = [];
  for (let page = 1, pageCount = 1; page <= pageCount && cards.length < count; page++) {
    const document = await pageAt(page);
    pageCount = document.pageCount;
    cards.push(...document.items);
  }
  return cards.sort(newestFirst).slice(0, count);
}

/** The newest `count` of every card, whatever order the pages list them in (the front page may lead with pins). */
async function newestCards(all: AsyncIterable<Card>, count: number): Promise<Card[]> {
  let newest: Card[] = [];
  for await (const card of all) {
    newest.push(card);
    if (newest.length >= count * 4) newest = newest.sort(newestFirst).slice(0, count);
  }
  return newest.sort(newestFirst).slice(0, count);
}

/** The slug a list page's path ends with (`/tags/{slug}` → slug). */
const slugOf = (path: string) => decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));

type ListSource = (path: string, documents: CompiledDocuments) => Promise<ListPage>;

const LIST_SOURCES: Partial<Record<keyof PageList, ListSource>> = {
  front: async (path, documents) => {
    const site = await documents.site();
    return { path, description: site.description, cards: await newestCards(documents.allCards(), FEED_ITEMS) };
  },
  tag: async (path, documents) => {
    const slug = slugOf(path);
    const { tag } = await documents.tagPage(slug, 1);
    const cards = await firstCards((page) => documents.tagPage(slug, page), FEED_ITEMS);
    return { path, title: tag.label, description: `Articles tagged ${tag.label}`, cards };
  },
  author: async (path, documents) => {
    const slug = slugOf(path);
    const { author } = await documents.authorPage(slug, 1);
    const cards = await firstCards((page) => documents.authorPage(slug, page), FEED_ITEMS);
    return { path, title: author.name, description: `Articles by ${author.name}`, cards };
  },
  section: async (path, documents) => {
    const slug = slugOf(path);
    const { section } = await documents.sectionPage(slug, 1);
    const cards = await firstCards((page) => documents.sectionPage(slug, page), FEED_ITEMS);
    return { path, title: section.name, description: `The latest ${section.name} news`, cards };
  },
};

/** Every list page of the build that has a feed, one at a time (at 100,000 articles there are thousands). */
export async function* listPages(pages: PageList, documents: CompiledDocuments): AsyncGenerator<ListPage> {
  for (const [kind, paths] of Object.entries(pages) as [keyof PageList, string[]][]) {
    const source = LIST_SOURCES[kind];
    if (!source) continue;
    for (const path of paths) yield await source(path, documents);
  }
}
