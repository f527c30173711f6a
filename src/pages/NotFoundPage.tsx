import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { idEntriesQuery } from '../api/queries';
import { DocumentHead } from '../components/DocumentHead';
import { IdGuesses } from '../components/IdGuesses';
import { nearestIds } from '../model/idGuesses';
import { frontUrl } from '../model/pageUrls';

/**
 * Says what was not found, offers the nearest articles when the address looks like an article's (an unknown
 * `/articles/:id`, or any unknown path, by its last segment), and links home.
 */
export function NotFoundPage({ what }: { what?: string }) {
  const params = useParams();
  const requested = 'slug' in params ? undefined : (params.id ?? params['*']?.split('/').filter(Boolean).pop());
  // A failure here only means no suggestions: the page has already said what was not found.
  const { data } = useQuery({ ...idEntriesQuery(requested ?? ''), enabled: Boolean(requested), retry: false });
  const guesses = useMemo(() => (requested && data ? nearestIds(requested, data) : []), [data, requested]);
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
      <IdGuesses guesses={guesses} />
      <p className="mt-6">
        <Link to={frontUrl()}>Go to the front page</Link>
      </p>
    </div>
  );
}
