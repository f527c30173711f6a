import { Link, Outlet, ScrollRestoration, type Location } from 'react-router';
import { useCurrentSection } from '../hooks/useCurrentSection';
import { frontUrl } from '../model/pageUrls';
import { ContentProblems } from './ContentProblems';
import { NavigationProgress } from './NavigationProgress';
import { RouteAnnouncer } from './RouteAnnouncer';
import { SearchForm } from './SearchForm';
import { SectionMenu } from './SectionMenu';
import type { SiteDocument } from '../model/compiled';

/**
 * Where a scroll position is filed. Entries the app pushed have their own key; the entry a page was loaded at
 * has the key "default" in every document, so without this a page loaded in full after scrolling another would
 * open at that other page's position. It is filed by its URL instead.
 */
const scrollKey = (location: Location) =>
  location.key === 'default' ? `${location.pathname}${location.search}` : location.key;

/** The frame of every page: masthead and section menu, content problems (in dev), the page itself, footer. */
export function Layout({ site }: { site: Pick<SiteDocument, 'name' | 'problems' | 'sections'> }) {
  const currentSection = useCurrentSection();
  return (
    <div className="flex min-h-screen flex-col">
      <NavigationProgress />
      <a
        href="#main"
        className="sr-only z-50 rounded bg-neutral-900 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-white dark:text-neutral-900"
      >
        Skip to content
      </a>
      <header className="border-b border-neutral-200 print:hidden dark:border-neutral-800">
        <div className="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-2 px-4 py-3">
          <Link
            to={frontUrl()}
            className="font-serif text-3xl font-black tracking-tight text-neutral-900 no-underline dark:text-neutral-100"
          >
            {site.name}
          </Link>
          <div className="flex flex-wrap items-center gap-4">
            <nav aria-label="Site">
              <Link to={frontUrl()} className="text-sm">
                Latest news
              </Link>
            </nav>
            <SearchForm />
          </div>
        </div>
        <SectionMenu sections={site.sections} current={currentSection} />
      </header>
      <ContentProblems problems={site.problems} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none">
        <Outlet />
      </main>
      {/* New pages start at the top, Back and Forward restore the position, #fragments scroll to their target. */}
      <ScrollRestoration getKey={scrollKey} />
      <RouteAnnouncer />
      <footer className="border-t border-neutral-200 text-sm text-neutral-600 print:hidden dark:border-neutral-800 dark:text-neutral-400">
        <div className="mx-auto max-w-6xl px-4 py-6">{site.name}</div>
      </footer>
    </div>
  );
}
