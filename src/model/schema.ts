/**
 * The Broadsheet content format, version 1.1: the one definition of what an author writes.
 * The validator, the TypeScript types, the compiled JSON the app fetches and the editor's
 * JSON Schema (docs/article.schema.json) all derive from the schemas in this file.
 */
import { z } from 'zod';
import { parseInline } from './inline.ts';
import { ID_PATTERN, MAX_SLUG_BYTES, isReservedFileName, slugify, utf8Bytes } from './slug.ts';

/** The most tags one article may carry: each tag is a page listing the article, and a facet naming all its other tags. */
export const MAX_TAGS = 50;
/**
 * The deepest an article or site.json may nest arrays and objects (an article itself needs 6, x- fields may add
 * some); checked before the schema, which walks the document recursively.
 */
export const MAX_NESTING = 64;

const RESERVED_NAMES = 'a file name Windows reserves (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9)';

/** Fields starting with "x-" are the authors' own and are ignored everywhere in an article. */
function dropExtensionFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropExtensionFields);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith('x-'))
        .map(([key, field]) => [key, dropExtensionFields(field)]),
    );
  }
  return value;
}

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

export const Id = z
  .string()
  .max(120, 'must be at most 120 characters')
  .regex(ID_PATTERN, 'must be lower-case letters and digits in words joined by single hyphens, e.g. "my-article-2"')
  .refine((id) => !isReservedFileName(id), {
    error: (issue) => `"${String(issue.input)}" is ${RESERVED_NAMES}, so its page could not be published there`,
  });

/**
 * A tag label or an author name: its slug names the page's files, so it must exist, fit a file name, and not be a
 * name Windows reserves.
 */
function sluggable(noSlug: string) {
  return (label: string, ctx: z.RefinementCtx) => {
    // An empty label is already reported as empty.
    if (label === '') return;
    const slug = slugify(label);
    const bytes = utf8Bytes(slug);
    if (slug === '') ctx.addIssue({ code: 'custom', message: noSlug });
    else if (bytes > MAX_SLUG_BYTES) {
      ctx.addIssue({
        code: 'custom',
        message: `makes a slug of ${bytes} bytes (UTF-8), longer than the ${MAX_SLUG_BYTES} allowed, as the slug names files of the site`,
      });
    } else if (isReservedFileName(slug)) {
      ctx.addIssue({ code: 'custom', message: `makes the slug "${slug}", ${RESERVED_NAMES}; add a word` });
    }
  };
}

/** Inline text: parsed here so that a forbidden link url is an error with its exact path. */
function checkInline(value: string, ctx: z.RefinementCtx) {
  for (const problem of parseInline(value).problems) ctx.addIssue({ code: 'custom', message: problem });
}
const Inline = z.string().superRefine(checkInline);

const ImageSrc = z.string().superRefine((src, ctx) => {
  if (src.startsWith('https://')) return;
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/') && !src.includes('\\');
  if (!relative) {
    ctx.addIssue({
      code: 'custom',
      message: `"${src}" must be a path relative to the content folder or an https:// URL`,
    });
  } else if (src.split('/').includes('..')) {
    ctx.addIssue({ code: 'custom', message: `"${src}" must not contain ".."` });
  } else if (src.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'must not be empty' });
  }
});

const Dimension = z.number().int('must be a whole number').positive('must be positive');

const ImageFields = {
  src: ImageSrc,
  alt: text(1, 300),
  caption: z.string().optional(),
  credit: z.string().optional(),
  width: Dimension,
  height: Dimension,
};
export const Image = z.strictObject(ImageFields);

export const Author = z.strictObject({
  name: text(1, 100).superRefine(sluggable('has no letters or digits, so the author page has no slug')),
  role: z.string().optional(),
});

const ParagraphBlock = z.strictObject({ type: z.literal('paragraph'), text: Inline });
const QuoteBlock = z.strictObject({
  type: z.literal('quote'),
  text: Inline,
  attribution: z.string().optional(),
});
const ImageBlock = z.strictObject({ type: z.literal('image'), ...ImageFields });
const ListBlock = z.strictObject({
  type: z.literal('list'),
  ordered: z.boolean().optional(),
  items: z.array(Inline).min(1, 'must have at least one item'),
});

const BLOCK_TYPES = ['paragraph', 'quote', 'image', 'list'] as const;

export const Block = z.discriminatedUnion('type', [ParagraphBlock, QuoteBlock, ImageBlock, ListBlock], {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `unknown block type ${JSON.stringify((issue.input as { type?: unknown } | undefined)?.type ?? null)}; expected one of ${BLOCK_TYPES.join(', ')}`
      : undefined,
});

export const Section = z.strictObject({
  heading: text(1, 200).optional(),
  blocks: z.array(Block).min(1, 'must have at least one block'),
});

const DateTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with Z or an offset, e.g. 2025-07-12T18:09:19+05:30',
});

const TagLabel = text(1, 60).superRefine(sluggable('has no letters or digits, so it has no slug'));

/** A desk's name (an article's `section`, an entry of site.json `sections`); its slug names the section front. */
const SectionName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine(sluggable('has no letters or digits, so its section front has no slug'));

/** How many stories the editors may pin under the lead (site.json `front.top`). */
const MAX_TOP_STORIES = 8;

export const ArticleFields = z.strictObject({
  /** The JSON Schema an editor checks the file against (docs/article.schema.json); not part of the article. */
  $schema: z
    .string()
    .describe('The JSON Schema an editor checks this file against, e.g. docs/article.schema.json; ignored by the build')
    .optional(),
  id: Id,
  aliases: z.array(Id).optional(),
  headline: text(1, 300),
  standfirst: z.string().trim().max(600, 'must be at most 600 characters').superRefine(checkInline).optional(),
  section: SectionName.optional(),
  image: Image.optional(),
  byline: z.array(Author).min(1, 'must name at least one author'),
  publishedAt: DateTime,
  updatedAt: DateTime.optional(),
  sections: z.array(Section).min(1, 'must have at least one section'),
  tags: z
    .array(TagLabel)
    .max(MAX_TAGS, {
      error: (issue) =>
        `must have at most ${MAX_TAGS} tags, not ${Array.isArray(issue.input) ? issue.input.length : 'more'}`,
    })
    .optional(),
  related: z.array(Id).optional(),
});

/** An article as authored: what the validator checks in CONTENT_DIR/articles/*.json. */
export const Article = z.preprocess(
  dropExtensionFields,
  ArticleFields.refine(
    (article) => !article.updatedAt || Date.parse(article.updatedAt) >= Date.parse(article.publishedAt),
    {
      path: ['updatedAt'],
      message: 'must not be earlier than publishedAt',
      // Checked even when other fields have problems (so every problem is listed at once),
      // as long as both dates are themselves valid.
      when: ({ value, issues }) => {
        if (!value || typeof value !== 'object') return false;
        const dates = value as { publishedAt?: unknown; updatedAt?: unknown };
        return (
          typeof dates.publishedAt === 'string' &&
          typeof dates.updatedAt === 'string' &&
          !issues.some((issue) => issue.path?.[0] === 'publishedAt' || issue.path?.[0] === 'updatedAt')
        );
      },
    },
  ),
);

export type Article = z.output<typeof ArticleFields>;
export type Image = z.output<typeof Image>;
export type Author = z.output<typeof Author>;
export type Block = z.output<typeof Block>;
export type Section = z.output<typeof Section>;

/** site.json: every field optional, with the contract's defaults. */
export const SiteConfig = z.preprocess(
  dropExtensionFields,
  z.strictObject({
    name: text(1, 100).default('Broadsheet'),
    description: z.string().optional(),
    locale: z
      .string()
      .default('en-GB')
      .refine((locale) => {
        try {
          return Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0;
        } catch {
          // A malformed tag throws a RangeError: it is a problem to report, not a crash.
          return false;
        }
      }, 'is not a known BCP 47 locale'),
    timeZone: z
      .string()
      .default('UTC')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'is not a known IANA time zone'),
    /** The section menu's order (names as articles spell them); sections not listed follow, most articles first. */
    sections: z.array(SectionName).optional(),
    /** The editors' front page: ids (or aliases) of the lead story and the top stories under it. */
    front: z
      .strictObject({
        lead: Id.optional(),
        top: z
          .array(Id)
          .max(MAX_TOP_STORIES, {
            error: (issue) =>
              `must list at most ${MAX_TOP_STORIES} top stories, not ${Array.isArray(issue.input) ? issue.input.length : 'more'}`,
          })
          .optional(),
      })
      .optional(),
  }),
);
export type SiteConfig = z.output<typeof SiteConfig>;
