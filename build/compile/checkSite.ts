/**
 * The rules of site.json that look at the articles: the front page's pins name known articles (ids or aliases),
 * none twice, and every section the menu lists is one some article is in. What passes is handed on resolved: the
 * pins as ids, the menu as section slugs. A failed rule is a problem line naming site.json and the field; in dev
 * the pin or section is left out and the rest of the site is served.
 */
import { slugify } from '../../src/model/slug.ts';
import type { Problem } from '../../src/model/problems.ts';
import type { SiteConfig } from '../../src/model/schema.ts';
import type { Accepted } from './validate.ts';

interface EditedFront {
  /** Article ids, in the order the front shows them: the lead (when pinned), then the top stories. */
  pinned: string[];
}

export interface SiteChecks {
  front: EditedFront;
  /** The slugs of the sections site.json lists, in its order. */
  sectionOrder: string[];
}

export function checkSite(
  site: SiteConfig,
  siteFile: string,
  accepted: readonly Accepted[],
  /** Whether an id or alias belongs to any article, accepted or left out for problems of its own (reported there). */
  isKnown: (name: string) => boolean,
  problems: Problem[],
): SiteChecks {
  return {
    front: checkFront(site.front, siteFile, accepted, isKnown, problems),
    sectionOrder: checkSections(site.sections, siteFile, accepted, problems),
  };
}

function checkFront(
  front: SiteConfig['front'],
  file: string,
  accepted: readonly Accepted[],
  isKnown: (name: string) => boolean,
  problems: Problem[],
): EditedFront {
  if (!front) return { pinned: [] };
  const idOf = new Map<string, string>();
  for (const { article } of accepted) {
    idOf.set(article.id, article.id);
    for (const alias of article.aliases ?? []) idOf.set(alias, article.id);
  }
  const picks = [
    ...(front.lead === undefined ? [] : [{ name: front.lead, path: 'front.lead' }]),
    ...(front.top ?? []).map((name, i) => ({ name, path: `front.top[${i}]` })),
  ];
  const pinnedAt = new Map<string, string>();
  for (const { name, path } of picks) {
    const id = idOf.get(name);
    if (id === undefined) {
      // An article left out for its own problems is reported there; in dev its pin is simply dropped.
      if (!isKnown(name)) problems.push({ file, path, message: `no article "${name}"` });
      continue;
    }
    const earlier = pinnedAt.get(id);
    if (earlier !== undefined) {
      const same = name === id ? `"${id}"` : `"${name}" (article "${id}")`;
      problems.push({ file, path, message: `${same} is already on the front page at ${earlier}` });
      continue;
    }
    pinnedAt.set(id, path);
  }
  return { pinned: [...pinnedAt.keys()] };
}

function checkSections(
  listed: readonly string[] | undefined,
  file: string,
  accepted: readonly Accepted[],
  problems: Problem[],
): string[] {
  if (!listed) return [];
  const used = new Set(accepted.flatMap(({ article }) => (article.section ? [slugify(article.section)] : [])));
  const order: string[] = [];
  const listedAt = new Map<string, number>();
  listed.forEach((name, i) => {
    const slug = slugify(name);
    const earlier = listedAt.get(slug);
    if (earlier !== undefined) {
      problems.push({ file, path: `sections[${i}]`, message: `"${name}" is already listed at sections[${earlier}]` });
    } else if (!used.has(slug)) {
      problems.push({ file, path: `sections[${i}]`, message: `no article is in section "${name}"` });
    } else {
      listedAt.set(slug, i);
      order.push(slug);
    }
  });
  return order;
}
