import { Link } from 'react-router';
import { DocumentHead } from '../components/DocumentHead';

/** Says what was not found, and links home. */
export function NotFoundPage({ what }: { what?: string }) {
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
      <p className="mt-6">
        <Link to="/">Go to the front page</Link>
      </p>
    </div>
  );
}

export default NotFoundPage;
