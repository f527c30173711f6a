import { useQueryClient } from '@tanstack/react-query';
import { useMatches } from 'react-router';
import { articleQuery } from '../api/queries';
import { slugify } from '../model/slug';

export interface CurrentSection {
  slug: string;
  /** `page` on the section's own front; `true` on an article of the section. */
  current: 'page' | 'true';
}

/**
 * The section the reader is in, for the section menu: the section front on screen, or the section of the article on
 * screen. The article's document is in the cache by the time its page renders (its loader put it there), so this
 * reads it rather than asking the page to report back, which would render the menu twice and not at all when
 * prerendered.
 */
export function useCurrentSection(): CurrentSection | undefined {
  const matches = useMatches();
  const queryClient = useQueryClient();
  for (const match of matches) {
    if (match.id === 'section' && match.params.slug) return { slug: match.params.slug, current: 'page' };
    if (match.id === 'article' && match.params.id) {
      const document = queryClient.getQueryData(articleQuery(match.params.id).queryKey);
      const section = document?.kind === 'article' ? document.article.section : undefined;
      return section ? { slug: slugify(section), current: 'true' } : undefined;
    }
  }
  return undefined;
}
