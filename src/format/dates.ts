/** Dates as the newsroom shows them: in the site's locale and time zone, with the zone's abbreviation. */
export interface DateSettings {
  locale: string;
  timeZone: string;
}

const cache = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatters({ locale, timeZone }: DateSettings) {
  const key = `${locale}|${timeZone}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = {
      date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }),
      time: new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
        timeZone,
      }),
    };
    cache.set(key, entry);
  }
  return entry;
}

/** "12 July 2025, 18:09 IST" (for en-IN in Asia/Kolkata). */
export function formatDateTime(iso: string, settings: DateSettings): string {
  const instant = new Date(iso);
  const { date, time } = formatters(settings);
  return `${date.format(instant)}, ${time.format(instant)}`;
}

/** "12 July 2025": for cards, where the time of day is noise. */
export function formatDate(iso: string, settings: DateSettings): string {
  return formatters(settings).date.format(new Date(iso));
}

/** The instant in UTC, for `<time datetime>`; the authored offset is kept nowhere a reader sees. */
export function isoInstant(iso: string): string {
  return new Date(iso).toISOString();
}
