import { formatDate, formatDateTime, isoInstant } from '../format/dates';
import { useSite } from '../hooks/useSite';

interface DatelineProps {
  publishedAt: string;
  updatedAt?: string;
  /** Cards show the day only; the article page shows the time and zone. */
  compact?: boolean;
}

export function Dateline({ publishedAt, updatedAt, compact = false }: DatelineProps) {
  const site = useSite();
  const format = compact ? formatDate : formatDateTime;
  const updated = updatedAt && Date.parse(updatedAt) > Date.parse(publishedAt) ? updatedAt : undefined;
  if (compact) {
    return (
      <time dateTime={isoInstant(publishedAt)} className="text-sm text-neutral-600 dark:text-neutral-400">
        {format(publishedAt, site)}
      </time>
    );
  }
  return (
    <p className="flex flex-col gap-0.5 text-sm text-neutral-600 sm:flex-row sm:gap-3 dark:text-neutral-400">
      <span>
        Published <time dateTime={isoInstant(publishedAt)}>{format(publishedAt, site)}</time>
      </span>
      {updated && (
        <span>
          Updated <time dateTime={isoInstant(updated)}>{format(updated, site)}</time>
        </span>
      )}
    </p>
  );
}
