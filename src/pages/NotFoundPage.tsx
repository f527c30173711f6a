import { Link, useParams } from 'react-router';
import { DocumentHead } from '../components/DocumentHead';
import { IdGuesses } from '../components/IdGuesses';

/**
 * Says what was not found, offers the nearest articles when the address looks like an article's (an unknown
 * `/articles/:id`, or any unknown path, by its last segment), and links home.
 */
export function NotFoundPage({ what }: { what?: string }) {
  const params = useParams();
  const requested = 'slug' in params ? undefined : (params.id ?? params['*']?.split('/').filter(Boolean).pop());
  return (
    <div className="mx-auto max-w-prose py-12">
      <DocumentHead title="Not found" />
      <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
        Not found
      </h1>
      <p className="mt-3 text-lg text-neutral-700 dark:text-neutral-300">
        {what ? `We could not find ${what}.` : 'There is no page at this address.'} It may have moved, or the link may
        be mistyped.
      </p>
      {requested ? <IdGuesses requested={requested} /> : null}
      <p className="mt-6">
        <Link to="/">Go to the front page</Link>
      </p>
    </div>
  );
}

export default NotFoundPage;
