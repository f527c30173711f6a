interface ErrorPanelProps {
  title?: string;
  message: string;
  onRetry?: () => void;
}

/** A failure the reader can act on: what went wrong, and a retry. */
export function ErrorPanel({ title = 'Something went wrong', message, onRetry }: ErrorPanelProps) {
  return (
    <div role="alert" className="mx-auto max-w-prose rounded border border-red-300 p-6 dark:border-red-800">
      <h1 tabIndex={-1} className="font-serif text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-2 break-words text-neutral-700 dark:text-neutral-300">{message}</p>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-4 rounded bg-neutral-900 px-4 py-2 text-white hover:bg-neutral-700 dark:bg-white dark:text-neutral-900 dark:hover:bg-neutral-300"
        >
          Try again
        </button>
      )}
    </div>
  );
}
