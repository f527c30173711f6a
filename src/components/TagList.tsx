import { Link } from 'react-router';
import { tagUrl } from '../model/pageUrls';
import { slugify } from '../model/slug';

/** The article's tags as a labelled list of links to their pages. */
export function TagList({ tags, label = 'Tags' }: { tags: string[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <nav aria-label={label}>
      <ul className="flex list-none flex-wrap gap-2 p-0">
        {tags.map((tag) => (
          <li key={tag}>
            <Link
              to={tagUrl(slugify(tag))}
              className="inline-block rounded-full border border-neutral-300 px-3 py-1 text-sm no-underline hover:border-neutral-900 dark:border-neutral-700 dark:hover:border-neutral-100"
            >
              {tag}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
