/**
 * The content compiler: validated articles in, the static JSON documents the app fetches out.
 * Pure (no file system): `load.ts` reads CONTENT_DIR and hands the sources in.
 *
 * Nothing it writes grows with the whole corpus except the full tag list, which only the
 * "all tags" view fetches: the front page reads one index page and the top tags.
 */
import {
  type AllTags,
  type ArticleDocument,
  type AuthorPage,
  type Card,
  type IndexPage,
  type SiteDocument,
  type TagCount,
  type TagFacet,
  type TagPage,
  PAGE_SIZE,
  TOP_TAG_COUNT,
  dataPath,
  mediaUrl,
} from '../src/model/compiled.ts';
import { shardIds } from '../src/model/idGuesses.ts';
import { type Problem, problemsFromZod, formatProblem } from '../src/model/problems.ts';
import { Article, Id } from '../src/model/schema.ts';
import { slugify } from '../src/model/slug.ts';
import { compareTagCounts } from '../src/model/tagOrder.ts';
import { toCard } from './compile/cards.ts';
import { imageRefs } from './compile/imageRefs.ts';
import { pages } from './compile/paging.ts';
import { loadSite, parseJson } from './compile/readSources.ts';
import { preferredSpelling } from './compile/spelling.ts';
import { authorSlugs, createRanker, groupBy, nearestInList, tagSlugs } from './ranking.ts';
import type { Article as ArticleType } from '../src/model/schema.ts';
import type { CompileInput, CompileOutput } from './compile/types.ts';

export type { CompileInput, CompileOutput, SourceFile } from './compile/types.ts';
export { toCard } from './compile/cards.ts';

/** How many "more in this section" cards an article shows. */
const MORE_IN_SECTION = 4;

interface Entry {
  file: string;
  article: ArticleType;
}

const COMPARE_NEWEST_FIRST = (a: ArticleType, b: ArticleType) =>
  Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function compileContent(input: CompileInput): CompileOutput {
  const problems: Problem[] = [];
  const site = loadSite(input.site, problems);

  // 1. Each file on its own. An invalid article still holds its id (when the id itself is valid),
  // so a duplicate of it or a related pick of it is judged right while it is being fixed.
  const valid: Entry[] = [];
  const heldByInvalid = new Map<string, string>();
  const holdId = (raw: unknown, file: string) => {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && Id.safeParse(id).success && !heldByInvalid.has(id)) heldByInvalid.set(id, file);
  };
  for (const source of [...input.articles].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const raw = parseJson(source, problems);
    if (raw === undefined) continue;
    const parsed = Article.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      problems.push(...problemsFromZod(source.file, parsed.error));
      holdId(raw, source.file);
      continue;
    }
    const missing = imageRefs(parsed.data).filter(
      (ref) => !ref.src.startsWith('https://') && !input.fileExists(ref.src),
    );
    for (const ref of missing) {
      problems.push({
        file: source.file,
        path: ref.path,
        message: `image file "${ref.src}" does not exist in the content folder`,
      });
    }
    if (missing.length === 0) valid.push({ file: source.file, article: parsed.data });
    else holdId(parsed.data, source.file);
  }

  // 2. Across files: ids and aliases are unique; the first file (by name) keeps a contested one.
  const owners = new Map<string, Entry>();
  const accepted: Entry[] = [];
  for (const entry of valid) {
    const names = [
      { name: entry.article.id, path: 'id' },
      ...(entry.article.aliases ?? []).map((name, i) => ({ name, path: `aliases[${i}]` })),
    ];
    const clashes = names.filter(
      ({ name }, i) =>
        owners.has(name) ||
        (heldByInvalid.has(name) && heldByInvalid.get(name) !== entry.file) ||
        names.findIndex((n) => n.name === name) < i,
    );
    for (const { name, path } of clashes) {
      const owner = owners.get(name)?.file ?? heldByInvalid.get(name);
      problems.push({
        file: entry.file,
        path,
        message: owner ? `"${name}" is already used by ${owner}` : `"${name}" is repeated in this article`,
      });
    }
    if (clashes.length > 0) continue;
    for (const { name } of names) owners.set(name, entry);
    accepted.push(entry);
  }

  // 3. Related picks must name known articles.
  const editorPicks = new Map<Entry, string[]>();
  const kept: Entry[] = [];
  for (const entry of accepted) {
    const related = entry.article.related ?? [];
    // A pick of an article that is itself invalid is not "unknown": that article's own problems say why.
    const unknown = related.map((id, i) => ({ id, i })).filter(({ id }) => !owners.has(id) && !heldByInvalid.has(id));
    for (const { id, i } of unknown) {
      problems.push({ file: entry.file, path: `related[${i}]`, message: `unknown article "${id}"` });
    }
    if (unknown.length > 0) continue;
    editorPicks.set(
      entry,
      related.flatMap((id) => {
        const owner = owners.get(id);
        return owner ? [owner.article.id] : [];
      }),
    );
    kept.push(entry);
  }

  const emptyStats = { articles: 0, tags: 0, authors: 0, sections: 0, documents: 0 };
  if (input.mode === 'strict' && problems.length > 0) {
    return { problems, documents: new Map(), media: new Map(), stats: emptyStats };
  }

  // 4. Order, tags, authors.
  const articles = kept.map((entry) => entry.article).sort(COMPARE_NEWEST_FIRST);
  const ordinalOf = new Map(articles.map((article, ordinal) => [article.id, ordinal]));

  const tagLists = groupBy(articles, tagSlugs);
  const authorLists = groupBy(articles, authorSlugs);
  // How often each spelling of a tag or author is used, to pick the label shown.
  const tagSpellings = new Map<string, Map<string, number>>();
  const authorSpellings = new Map<string, Map<string, number>>();
  const authorRoles = new Map<string, Set<string>>();
  const tally = (counts: Map<string, Map<string, number>>, slug: string, spelling: string) => {
    const spellings = counts.get(slug) ?? new Map<string, number>();
    spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
    counts.set(slug, spellings);
  };
  for (const article of articles) {
    for (const label of article.tags ?? []) tally(tagSpellings, slugify(label), label);
    for (const author of article.byline) {
      const slug = slugify(author.name);
      tally(authorSpellings, slug, author.name);
      if (author.role) authorRoles.set(slug, (authorRoles.get(slug) ?? new Set()).add(author.role));
    }
  }
  const tagLabels = new Map([...tagSpellings].map(([slug, spellings]) => [slug, preferredSpelling(spellings)]));
  const tagCount = (slug: string): TagCount => ({
    slug,
    label: tagLabels.get(slug) ?? slug,
    count: tagLists.get(slug)?.length ?? 0,
  });
  // Most used first; ties in label order, so the list is stable from build to build.
  const allTags = [...tagLists.keys()].map(tagCount).sort(compareTagCounts);

  const documents = new Map<string, string>();
  // Keyed by the decoded path, which is also the file's path under dist/ (UTF-8 names for non-Latin slugs).
  const emit = (path: string, value: unknown) => documents.set(decodeURIComponent(path), JSON.stringify(value));
  const cards = articles.map(toCard);

  // 5. Index pages.
  const indexPages = pages(cards);
  indexPages.forEach((items, i) => {
    const page: IndexPage = { page: i + 1, pageCount: indexPages.length, total: cards.length, items };
    emit(dataPath.index(i + 1), page);
  });

  // 6. Tags: pages with co-occurring tags, and the facet that answers an AND of tags.
  for (const [slug, ordinals] of tagLists) {
    const coCounts = new Map<string, number>();
    const dictionary: { slug: string; label: string }[] = [];
    const dictionaryIndex = new Map<string, number>();
    const rows = ordinals.map((ordinal) =>
      tagSlugs(articles[ordinal] as ArticleType)
        .filter((other, i, all) => other !== slug && all.indexOf(other) === i)
        .map((other) => {
          coCounts.set(other, (coCounts.get(other) ?? 0) + 1);
          let index = dictionaryIndex.get(other);
          if (index === undefined) {
            index = dictionary.length;
            dictionaryIndex.set(other, index);
            dictionary.push({ slug: other, label: tagLabels.get(other) ?? other });
          }
          return index;
        }),
    );
    const coTags = [...coCounts]
      .map(([other, count]) => ({ ...tagCount(other), count }))
      .sort(compareTagCounts)
      .slice(0, TOP_TAG_COUNT);
    const tagPages = pages(ordinals.map((ordinal) => cards[ordinal] as Card));
    tagPages.forEach((items, i) => {
      const page: TagPage = {
        page: i + 1,
        pageCount: tagPages.length,
        total: ordinals.length,
        items,
        tag: tagCount(slug),
        coTags,
        coTagTotal: coCounts.size,
      };
      emit(dataPath.tagPage(slug, i + 1), page);
    });
    const facet: TagFacet = { tag: tagCount(slug), tags: dictionary, rows };
    emit(dataPath.tagFacet(slug), facet);
  }
  const allTagsDocument: AllTags = { tags: allTags };
  emit(dataPath.allTags(), allTagsDocument);

  // 7. Authors.
  for (const [slug, ordinals] of authorLists) {
    const authorPages = pages(ordinals.map((ordinal) => cards[ordinal] as Card));
    const author = {
      slug,
      name: preferredSpelling(authorSpellings.get(slug) ?? new Map<string, number>()),
      roles: [...(authorRoles.get(slug) ?? [])].sort(),
    };
    authorPages.forEach((items, i) => {
      const page: AuthorPage = { page: i + 1, pageCount: authorPages.length, total: ordinals.length, items, author };
      emit(dataPath.authorPage(slug, i + 1), page);
    });
  }

  // 8. Articles, with related articles resolved to cards, and their aliases.
  const ranker = createRanker({ articles, tagLists, tagLabels });
  const sectionLists = groupBy(articles, (article) => (article.section ? [article.section] : []));
  const entryById = new Map(kept.map((entry) => [entry.article.id, entry]));
  articles.forEach((article, ordinal) => {
    const entry = entryById.get(article.id);
    const picks = (entry ? (editorPicks.get(entry) ?? []) : [])
      .map((id) => ordinalOf.get(id))
      .filter((o): o is number => o !== undefined);
    const related = ranker(ordinal, picks).map(({ ordinal: o, editorsPick, reasons }) => ({
      ...(cards[o] as Card),
      editorsPick,
      reasons,
    }));
    const relatedIds = new Set(related.map((card) => card.id));
    // The section's articles nearest in time, newest first, not already among the related ones.
    const moreInSection = nearestInList(article.section ? (sectionLists.get(article.section) ?? []) : [], ordinal, 6)
      .filter((o) => !relatedIds.has((cards[o] as Card).id))
      .slice(0, MORE_IN_SECTION)
      .map((o) => cards[o] as Card);
    const { related: _picks, ...body } = article;
    const document: ArticleDocument = { kind: 'article', article: body, related, moreInSection };
    emit(dataPath.article(article.id), document);
    for (const alias of article.aliases ?? []) {
      const redirect: ArticleDocument = { kind: 'redirect', to: article.id };
      emit(dataPath.article(alias), redirect);
    }
  });

  // 9. Every id and alias, filed by prefix, for "did you mean" on the not-found page.
  const idEntries = articles.flatMap((article) =>
    [article.id, ...(article.aliases ?? [])].map((name) => ({ name, id: article.id, headline: article.headline })),
  );
  for (const shard of shardIds(idEntries)) emit(dataPath.idShard(shard.shard), shard);

  // 10. Media: every image a kept article references.
  const media = new Map<string, string>();
  for (const article of articles) {
    for (const { src } of imageRefs(article))
      if (!src.startsWith('https://')) media.set(decodeURIComponent(mediaUrl(src)), src);
  }

  const siteDocument: SiteDocument = {
    name: site.name,
    description: site.description,
    locale: site.locale,
    timeZone: site.timeZone,
    articleCount: articles.length,
    tagCount: allTags.length,
    pageSize: PAGE_SIZE,
    topTags: allTags.slice(0, TOP_TAG_COUNT),
    problems: problems.map(formatProblem),
  };
  emit(dataPath.site(), siteDocument);

  return {
    problems,
    documents,
    media,
    stats: {
      articles: articles.length,
      tags: allTags.length,
      authors: authorLists.size,
      sections: sectionLists.size,
      documents: documents.size,
    },
  };
}
