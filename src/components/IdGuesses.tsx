import { Link } from 'react-router';
import { articleUrl } from '../model/pageUrls';
import type { IdEntry } from '../model/idGuesses';

/** "Were you looking for": the articles whose ids are nearest to the one that was not found (the page finds them). */
export function IdGuesses({ guesses }: { guesses: readonly IdEntry[] }) {
  if (guesses.length === 0) return null;
  return (
    <section aria-labelledby="id-guesses-heading" className="mt-8">
      <h2 id="id-guesses-heading" className="font-serif text-xl font-bold">
        Were you looking for
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-5">
        {guesses.map((guess) => (
          <li key={guess.id}>
            <Link to={articleUrl(guess.id)}>{guess.headline}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
