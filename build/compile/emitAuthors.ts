/** Authors: each author's pages, named by the most used spelling, with every role they wrote in. */
import { dataPath } from '../../src/model/paths.ts';
import { slugify } from '../../src/model/slug.ts';
import { tally } from './corpus.ts';
import { paginate } from './paginate.ts';
import { preferredSpelling } from './spelling.ts';
import type { AuthorPage, Card } from '../../src/model/compiled.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

export function* emitAuthors({
  articles,
  cards,
  authorLists,
}: Pick<Corpus, 'articles' | 'cards' | 'authorLists'>): Generator<Emitted<AuthorPage>> {
  const spellings = new Map<string, Map<string, number>>();
  const roles = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const { name, role } of article.byline) {
      const slug = slugify(name);
      tally(spellings, slug, name);
      if (role) roles.set(slug, (roles.get(slug) ?? new Set()).add(role));
    }
  }
  for (const [slug, ordinals] of authorLists) {
    const author = {
      slug,
      name: preferredSpelling(spellings.get(slug) ?? new Map<string, number>()),
      roles: [...(roles.get(slug) ?? [])].sort(),
    };
    const pages = paginate(ordinals.map((ordinal) => cards[ordinal] as Card));
    for (const [i, items] of pages.entries()) {
      yield {
        path: dataPath.authorPage(slug, i + 1),
        document: { page: i + 1, pageCount: pages.length, total: ordinals.length, items, author },
      };
    }
  }
}
