/**
 * The compiled documents that the build writes under /data and the app fetches.
 * This is Broadsheet's internal format (not the public contract); it is built from the
 * article schema so the two cannot drift, and the app validates every document against it.
 */
import { z } from 'zod';
import { ArticleFields } from './schema.ts';

export const PAGE_SIZE = 20;
/** How many of the most used tags the front page shows before "all tags". */
export const TOP_TAG_COUNT = 24;

export const TagCount = z.object({
  slug: z.string(),
  label: z.string(),
  count: z.number().int().nonnegative(),
});
export type TagCount = z.infer<typeof TagCount>;

/** What a list shows of an article: enough for a card, nothing of the body. */
export const Card = ArticleFields.pick({
  id: true,
  headline: true,
  standfirst: true,
  section: true,
  image: true,
  byline: true,
  publishedAt: true,
  updatedAt: true,
  tags: true,
});
export type Card = z.infer<typeof Card>;

export const RelatedCard = Card.extend({
  /** Why it is related, in words a reader understands ("Also tagged Sergey Lavrov"). */
  reasons: z.array(z.string()),
  editorsPick: z.boolean(),
});
export type RelatedCard = z.infer<typeof RelatedCard>;

export const ArticleDocument = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('article'),
    article: ArticleFields.omit({ related: true, $schema: true }),
    related: z.array(RelatedCard),
    moreInSection: z.array(Card),
  }),
  /** An alias: the app replaces the URL with the canonical one. */
  z.object({ kind: z.literal('redirect'), to: z.string() }),
]);
export type ArticleDocument = z.infer<typeof ArticleDocument>;
export type CompiledArticle = Extract<ArticleDocument, { kind: 'article' }>['article'];

const Paging = {
  page: z.number().int().positive(),
  pageCount: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  items: z.array(Card),
};

export const IndexPage = z.object({
  ...Paging,
  /**
   * How many of this page's first items the editors pinned (site.json `front`): the lead, then the top stories.
   * Only page 1 has any; the list then goes on newest first.
   */
  pinned: z.number().int().nonnegative(),
});
export type IndexPage = z.infer<typeof IndexPage>;

export const TagPage = z.object({
  ...Paging,
  tag: TagCount,
  /** The tags that occur most often with this one (at most TOP_TAG_COUNT); count = articles carrying both. */
  coTags: z.array(TagCount),
  /** How many tags occur with this one in all, so a reader can be offered the rest (from the facet). */
  coTagTotal: z.number().int().nonnegative(),
});
export type TagPage = z.infer<typeof TagPage>;

/** A section: its slug (its front's URL), its name as most of its articles spell it, and how many articles it has. */
export const SectionSummary = z.object({ slug: z.string(), name: z.string(), count: z.number().int().nonnegative() });
export type SectionSummary = z.infer<typeof SectionSummary>;

export const SectionPage = z.object({ ...Paging, section: SectionSummary });
export type SectionPage = z.infer<typeof SectionPage>;

export const AuthorPage = z.object({
  ...Paging,
  author: z.object({ slug: z.string(), name: z.string(), roles: z.array(z.string()) }),
});
export type AuthorPage = z.infer<typeof AuthorPage>;

/**
 * Everything the multi-tag filter needs about one tag: for each of its articles, in the order
 * of its tag pages (newest first), the other tags that article carries, as indices into `tags`.
 * An AND of tags is answered from the rarest tag's facet alone.
 */
export const TagFacet = z.object({
  tag: TagCount,
  tags: z.array(z.object({ slug: z.string(), label: z.string() })),
  rows: z.array(z.array(z.number().int().nonnegative())),
});
export type TagFacet = z.infer<typeof TagFacet>;

/** The ids and aliases that begin with `shard`, for the not-found page's "did you mean" (content/idGuesses.ts). */
export const IdShard = z.object({
  shard: z.string(),
  /** Each id or alias (`name`, as in URLs) with the article it leads to. */
  entries: z.array(z.object({ name: z.string(), id: z.string(), headline: z.string() })),
  /** Split by one more character: `entries` holds only names no longer than `shard`. */
  split: z.boolean().optional(),
});
export type IdShard = z.infer<typeof IdShard>;

export const AllTags = z.object({ tags: z.array(TagCount) });
export type AllTags = z.infer<typeof AllTags>;

/** The most used tags (at most TOP_TAG_COUNT), for the unfiltered front page's filter, and how many tags there are. */
export const TopTags = z.object({ tags: z.array(TagCount), total: z.number().int().nonnegative() });
export type TopTags = z.infer<typeof TopTags>;

/**
 * The site document: what every page reads (and carries in its prerendered state). It holds nothing that changes
 * with each article published, so adding an article does not change every page of the site.
 */
export const SiteDocument = z.object({
  name: z.string(),
  description: z.string().optional(),
  locale: z.string(),
  timeZone: z.string(),
  pageSize: z.number().int().positive(),
  /** The section menu, in site.json's order, then the rest most articles first. */
  sections: z.array(SectionSummary.omit({ count: true })),
  /** Content problems; only ever non-empty in `npm run dev`, where bad articles are skipped. */
  problems: z.array(z.string()),
});
export type SiteDocument = z.infer<typeof SiteDocument>;

export { mediaUrl } from './paths.ts';
