import { Link } from 'react-router';
import { authorUrl } from '../model/pageUrls';
import { slugify } from '../model/slug';
import type { Author } from '../model/schema';

/** "By Ananya Rao (World desk) and Vikram Sethi": each author a link to their page. */
export function Byline({ authors, showRoles = true }: { authors: Author[]; showRoles?: boolean }) {
  return (
    <p className="text-sm text-neutral-700 dark:text-neutral-300">
      By{' '}
      {authors.map((author, i) => (
        <span key={`${author.name}-${i}`}>
          {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
          <Link to={authorUrl(slugify(author.name))} className="font-semibold text-neutral-900 dark:text-neutral-100">
            {author.name}
          </Link>
          {showRoles && author.role && <span className="text-neutral-600 dark:text-neutral-400">, {author.role}</span>}
        </span>
      ))}
    </p>
  );
}
