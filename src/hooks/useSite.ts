import { createContext, use } from 'react';
import type { SiteDocument } from '../model/compiled';

/** The site document, provided by the root route (pages/Root.tsx), which reads it from the query cache. */
export const SiteContext = createContext<SiteDocument | undefined>(undefined);

/** The site document: its name, locale and time zone, for any component under the root route. */
export function useSite(): SiteDocument {
  const site = use(SiteContext);
  if (!site) throw new Error('useSite: no site document; the root route provides it');
  return site;
}
