/**
 * The build's "now": the machine's clock, or `SOURCE_DATE_EPOCH` (whole seconds since 1970, UTC) when it is set,
 * as reproducible builds and tests set it (https://reproducible-builds.org/specs/source-date-epoch/). Whatever
 * depends on the time of the build (the news sitemap's last 48 hours, a feed's build date) reads it here.
 */
import { OperatorError } from './failures.ts';

export function buildClock(env: Record<string, string | undefined> = process.env): Date {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return new Date();
  const seconds = /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) {
    throw new OperatorError(
      `SOURCE_DATE_EPOCH: "${value}" is not a whole number of seconds since 1970-01-01 UTC (such as 1767225600)`,
    );
  }
  return date;
}
