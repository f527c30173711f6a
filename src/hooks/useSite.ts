import { useSuspenseQuery } from '@tanstack/react-query';
import { siteQuery } from '../api/queries';

/** The site document; the root loader guarantees it is cached before any page renders. */
export function useSite() {
  return useSuspenseQuery(siteQuery()).data;
}
