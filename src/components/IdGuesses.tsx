import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { idEntriesQuery } from '../api/queries';
import { nearestIds } from '../model/idGuesses';

/** "Were you looking for": up to three articles whose ids are nearest to the one that was not found. */
export function IdGuesses({ requested }: { requested: string }) {
  // A failure here only means no suggestions: the page has already said what was not found.
  const { data } = useQuery({ ...idEntriesQuery(requested), retry: false });
  const guesses = useMemo(() => (data ? nearestIds(requested, data) : []), [data, requested]);
  if (guesses.length === 0) return null;
  return (
    <section aria-labelledby="id-guesses-heading" className="mt-8">
      <h2 id="id-guesses-heading" className="font-serif text-xl font-bold">
        Were you looking for
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-5">
        {guesses.map((guess) => (
          <li key={guess.id}>
            <Link to={`/articles/${guess.id}`}>{guess.headline}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
