/**
 * The validate step: each article on its own (the schema, its image files), then the rules across files (ids and
 * aliases unique, tag and author slugs that stay apart as file names, related picks known). What passes is handed
 * to the emit steps; every failure is a problem line.
 */
import { type Problem, problemsFromZod } from '../../src/model/problems.ts';
import { Article, Id, type SiteConfig } from '../../src/model/schema.ts';
import { foldedName, slugify } from '../../src/model/slug.ts';
import { hashOf } from '../incremental/buildState.ts';
import { checkSite, type SiteChecks } from './checkSite.ts';
import { imageRefs } from './imageRefs.ts';
import { loadSite, nestingProblem, parseJson } from './readSources.ts';
import type { ArticleSource, CompileInput } from './types.ts';

export interface Accepted {
  file: string;
  article: Article;
  /** The hash of its file's text (incremental/buildState.ts hashOf): everything its document and card are made from. */
  hash: string;
  /** The editor's related picks, aliases resolved to ids; a pick of an article that was left out is dropped. */
  picks: string[];
}

export interface Validated {
  site: SiteConfig;
  /** site.json's pins and section order, checked against the accepted articles. */
  edits: SiteChecks;
  problems: Problem[];
  /** In file-name order. */
  accepted: Accepted[];
}

interface Entry {
  file: string;
  article: Article;
  hash: string;
}

/** Ids held by articles left out for a problem of their own (or a slug clash): the file that holds each. */
type Held = Map<string, string>;

export function validate({
  site,
  articles,
  fileExists,
  imageProblem,
  articleCache,
  readProblems = [],
}: Omit<CompileInput, 'mode'>): Validated {
  const problems: Problem[] = [...readProblems];
  const siteConfig = loadSite(site, problems);
  const held: Held = new Map();
  const valid = checkEachFile(articles, { fileExists, imageProblem, articleCache }, held, problems);
  const { named, owners } = checkNames(valid, held, problems);
  const accepted = checkRelated(named, owners, held, problems);
  const edits = checkSite(
    siteConfig,
    site?.file ?? 'site.json',
    accepted,
    (name) => owners.has(name) || held.has(name),
    problems,
  );
  return { site: siteConfig, edits, problems, accepted };
}

/**
 * Each file on its own. An invalid article still holds its id (when the id itself is valid), so a duplicate of
 * it or a related pick of it is judged right while it is being fixed.
 */
function checkEachFile(
  sources: readonly ArticleSource[],
  files: Pick<CompileInput, 'fileExists' | 'imageProblem' | 'articleCache'>,
  held: Held,
  problems: Problem[],
): Entry[] {
  const valid: Entry[] = [];
  const holdId = (raw: unknown, file: string) => {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && Id.safeParse(id).success && !held.has(id)) held.set(id, file);
  };
  const accept = (source: ArticleSource): { article: Article; hash: string } | undefined => {
    const hash = source.hash ?? (source.text === undefined ? undefined : hashOf(source.text));
    const known = hash === undefined ? undefined : files.articleCache?.get(hash);
    if (known && hash !== undefined) return { article: known, hash };
    if (source.text === undefined || hash === undefined) {
      // Only handed on without its text because the cache knew it, which it still does within one build.
      problems.push({ file: source.file, path: '(root)', message: 'could not be read again; build again' });
      return undefined;
    }
    const raw = parseJson({ file: source.file, text: source.text }, problems);
    if (raw === undefined) return undefined;
    const tooDeep = nestingProblem(source.file, raw);
    if (tooDeep) {
      problems.push(tooDeep);
      holdId(raw, source.file);
      return undefined;
    }
    const parsed = Article.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      problems.push(...problemsFromZod(source.file, parsed.error));
      holdId(raw, source.file);
      return undefined;
    }
    files.articleCache?.set(hash, parsed.data);
    return { article: parsed.data, hash };
  };
  for (const source of [...sources].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const accepted = accept(source);
    if (!accepted) continue;
    const { article, hash } = accepted;
    // An image must exist in the folder and be what it claims to be (its bytes, checked by load.ts), every time:
    // the image may have changed while the article did not.
    const missing = imageRefs(article).flatMap((ref) => {
      if (ref.src.startsWith('https://')) return [];
      if (!files.fileExists(ref.src))
        return [{ ...ref, message: `image file "${ref.src}" does not exist in the content folder` }];
      const message = files.imageProblem?.(ref.src);
      return message === undefined ? [] : [{ ...ref, message }];
    });
    for (const ref of missing) problems.push({ file: source.file, path: ref.path, message: ref.message });
    if (missing.length === 0) valid.push({ file: source.file, article, hash });
    else holdId(article, source.file);
  }
  return valid;
}

interface SlugClaim {
  slug: string;
  label: string;
  file: string;
  path: string;
}

/**
 * Tag and author slugs become folder and file names. Two slugs that differ only where a file system ignoring case
 * (Windows, macOS) does not look would be one folder there, so the second spelling is refused. Claims are keyed by
 * kind and folded name; an article's own claims are returned to be kept only if the article is accepted.
 */
function slugClashes(entry: Entry, owners: ReadonlyMap<string, SlugClaim>) {
  const claims = new Map<string, SlugClaim>();
  const problems: Problem[] = [];
  const claim = (kind: 'tag' | 'author' | 'section', label: string, path: string) => {
    const slug = slugify(label);
    const key = `${kind}:${foldedName(slug)}`;
    const other = claims.get(key) ?? owners.get(key);
    if (!other) claims.set(key, { slug, label, file: entry.file, path });
    else if (other.slug !== slug) {
      problems.push({
        file: entry.file,
        path,
        message:
          `${kind} "${label}" has the slug "${slug}", which a file system that ignores case (Windows, macOS) cannot ` +
          `tell from "${other.slug}" (${kind} "${other.label}", ${other.file} ${other.path}); spell them alike`,
      });
    }
  };
  entry.article.tags?.forEach((label, i) => claim('tag', label, `tags[${i}]`));
  entry.article.byline.forEach(({ name }, i) => claim('author', name, `byline[${i}].name`));
  if (entry.article.section) claim('section', entry.article.section, 'section');
  return { claims, problems };
}

/**
 * Ids and aliases are unique across files, and tag and author slugs stay apart as file names; the first file (by
 * name) keeps a contested one.
 */
function checkNames(valid: readonly Entry[], held: Held, problems: Problem[]) {
  const owners = new Map<string, Entry>();
  const slugOwners = new Map<string, SlugClaim>();
  const named: Entry[] = [];
  for (const entry of valid) {
    const names = [
      { name: entry.article.id, path: 'id' },
      ...(entry.article.aliases ?? []).map((name, i) => ({ name, path: `aliases[${i}]` })),
    ];
    const clashes = names.filter(
      ({ name }, i) =>
        owners.has(name) ||
        (held.has(name) && held.get(name) !== entry.file) ||
        names.findIndex((n) => n.name === name) < i,
    );
    for (const { name, path } of clashes) {
      const owner = owners.get(name)?.file ?? held.get(name);
      problems.push({
        file: entry.file,
        path,
        message: owner ? `"${name}" is already used by ${owner}` : `"${name}" is repeated in this article`,
      });
    }
    const slugs = slugClashes(entry, slugOwners);
    problems.push(...slugs.problems);
    if (clashes.length > 0 || slugs.problems.length > 0) {
      // Still holds its own id, so a related pick of it is not called unknown.
      if (clashes.length === 0 && !held.has(entry.article.id)) held.set(entry.article.id, entry.file);
      continue;
    }
    for (const { name } of names) owners.set(name, entry);
    for (const [key, claim] of slugs.claims) slugOwners.set(key, claim);
    named.push(entry);
  }
  return { named, owners };
}

/** Related picks must name known articles. */
function checkRelated(
  named: readonly Entry[],
  owners: ReadonlyMap<string, Entry>,
  held: Held,
  problems: Problem[],
): Accepted[] {
  const accepted: Accepted[] = [];
  for (const entry of named) {
    const related = entry.article.related ?? [];
    // A pick of an article that is itself invalid is not "unknown": that article's own problems say why.
    const unknown = related.map((id, i) => ({ id, i })).filter(({ id }) => !owners.has(id) && !held.has(id));
    for (const { id, i } of unknown) {
      problems.push({ file: entry.file, path: `related[${i}]`, message: `unknown article "${id}"` });
    }
    if (unknown.length > 0) continue;
    const picks = related.flatMap((id) => {
      const owner = owners.get(id);
      return owner ? [owner.article.id] : [];
    });
    accepted.push({ ...entry, picks });
  }
  return accepted;
}
