/** A page's loader or render failed: not-found gets the not-found page, the rest an error with retry. */
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { DataError, NotFoundError, TransientError } from '../api/errors';
import { ErrorPanel } from '../components/ErrorPanel';
import { NotFoundPage } from './NotFoundPage';

export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  if (error instanceof NotFoundError) return <NotFoundPage what={error.what} />;
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message =
    error instanceof TransientError
      ? `${error.message}. Check your connection and try again.`
      : error instanceof DataError
        ? `This content could not be read: ${error.message}.`
        : error instanceof Error
          ? error.message
          : 'An unexpected error occurred.';
  return (
    <ErrorPanel
      title={error instanceof TransientError ? 'Could not load this page' : 'Something went wrong'}
      message={message}
      onRetry={() => void revalidator.revalidate()}
    />
  );
}
