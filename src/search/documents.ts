/**
 * The search index's documents under /data/search/ (Broadsheet's own format, like compiled.ts): built by
 * build/search/, fetched and validated by the app only when a reader searches.
 */
import { z } from 'zod';
import { Card, TagCount } from '../model/compiled.ts';

export const SEARCH_INDEX_VERSION = 3;

/** The one file every search reads first: how many documents there are and how terms are spread over files. */
export const SearchMeta = z
  .object({
    version: z.literal(SEARCH_INDEX_VERSION),
    documents: z.number().int().nonnegative(),
    /** Words are filed in this many bucket files by termHash; tags (`#slug`) in `tagBuckets`. */
    wordBuckets: z.number().int().positive(),
    tagBuckets: z.number().int().positive(),
    /**
     * How the records are filed: a folder per month of publication (UTC, `2026-03`), oldest first, and how many
     * records each holds. Document n is the record at n's place within its month (paths.ts's recordPath), so deleting
     * or back-dating an article renumbers only the records after it in its month, not every later one in the newsroom.
     */
    months: z.array(z.tuple([z.string().regex(/^[+-]?\d{4,6}-\d{2}$/), z.number().int().positive()])),
  })
  .refine((meta) => meta.months.reduce((sum, [, count]) => sum + count, 0) === meta.documents, {
    message: 'the months’ records do not add up to the documents',
    path: ['months'],
  });
export type SearchMeta = z.infer<typeof SearchMeta>;

export const TermEntry = z.object({
  /** The term (analyze.ts), or `#slug` for a tag. */
  t: z.string(),
  /** How many articles use it. */
  n: z.number().int().positive(),
  /** The articles, as gaps (postings.ts); absent when the list is in a file of its own (`own`). */
  p: z.string().optional(),
  /** Where the term occurs in each article (postings.ts); words only. */
  c: z.string().optional(),
  /** Instead of `c`, for a long list: the articles (of `p`, gap-encoded the same way) whose headline has the word. */
  h: z.string().optional(),
  /** The list is long: it is in `/data/search/own/{termHash in base 36}.json`. */
  own: z.literal(true).optional(),
  /** A tag's label. */
  label: z.string().optional(),
  /** Tags whose names contain this word, offered when a search finds nothing. */
  tags: z.array(TagCount).optional(),
});
export type TermEntry = z.infer<typeof TermEntry>;

/** A bucket of terms, or the file of one long list (several, if their hashes collide). */
export const TermFile = z.object({ entries: z.array(TermEntry) });
export type TermFile = z.infer<typeof TermFile>;

/**
 * One article as search results show it: its card and its text for the excerpt. Nothing of other articles (no tag
 * counts), so a record changes only when its own article does.
 */
export const SearchRecord = z.object({
  card: Card,
  /** Plain text of the body (inline marks removed), cut at MAX_RECORD_TEXT characters. */
  text: z.string(),
});
export type SearchRecord = z.infer<typeof SearchRecord>;
