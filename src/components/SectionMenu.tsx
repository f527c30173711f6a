import { Link } from 'react-router';
import { sectionUrl } from '../model/pageUrls';
import type { CurrentSection } from '../hooks/useCurrentSection';
import type { SiteDocument } from '../model/compiled';

/**
 * The section menu in every page's header: one row, in the newsroom's order. On a phone it scrolls sideways rather
 * than wrapping into a wall of links above the news; a link that gets keyboard focus scrolls itself into view.
 */
export function SectionMenu({ sections, current }: { sections: SiteDocument['sections']; current?: CurrentSection }) {
  if (sections.length === 0) return null;
  return (
    <nav aria-label="Sections" className="border-t border-neutral-200 dark:border-neutral-800">
      <ul className="mx-auto flex max-w-6xl list-none gap-1 overflow-x-auto px-2 py-0 whitespace-nowrap [scrollbar-width:thin]">
        {sections.map((section) => {
          const here = current?.slug === section.slug;
          return (
            <li key={section.slug} className="shrink-0">
              <Link
                to={sectionUrl(section.slug)}
                aria-current={here ? current.current : undefined}
                className={`inline-flex min-h-11 items-center border-b-2 px-2 text-sm font-semibold no-underline ${
                  here
                    ? 'border-red-700 text-neutral-900 dark:border-red-400 dark:text-neutral-100'
                    : 'border-transparent text-neutral-700 hover:border-neutral-400 dark:text-neutral-300'
                }`}
              >
                {section.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
