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

/**
 * Labels already formatted, by settings, kind and instant. A prerendered page carries the labels it shows
 * (see `recordDateLabels`), and the browser learns them before hydrating: the first Intl.DateTimeFormat of a
 * page costs ~25 ms of ICU start-up on a laptop, four times that on a phone, which made hydration one long
 * task. With the labels known, Intl starts only when the reader goes to a page that was not prerendered.
 */
const knownLabels = new Map<string, string>();
let recording: Map<string, string> | undefined;

function label(kind: 'date' | 'dateTime', iso: string, settings: DateSettings, format: () => string): string {
  const key = `${settings.locale}|${settings.timeZone}|${kind}|${iso}`;
  let text = knownLabels.get(key);
  if (text === undefined) {
    text = format();
    knownLabels.set(key, text);
  }
  recording?.set(key, text);
  return text;
}

/** Runs `render` (synchronous) and returns what it returned plus every date label it formatted. */
export function recordDateLabels<T>(render: () => T): { result: T; labels: Record<string, string> } {
  const labels = new Map<string, string>();
  recording = labels;
  try {
    return { result: render(), labels: Object.fromEntries(labels) };
  } finally {
    recording = undefined;
  }
}

/** Teaches the formatter labels recorded by `recordDateLabels` (on the server, for this page). */
export function rememberDateLabels(labels: Record<string, string>): void {
  for (const [key, text] of Object.entries(labels)) if (typeof text === 'string') knownLabels.set(key, text);
}

/** "12 July 2025, 18:09 IST" (for en-IN in Asia/Kolkata). */
export function formatDateTime(iso: string, settings: DateSettings): string {
  return label('dateTime', iso, settings, () => {
    const instant = new Date(iso);
    const { date, time } = formatters(settings);
    return `${date.format(instant)}, ${time.format(instant)}`;
  });
}

/** "12 July 2025": for cards, where the time of day is noise. */
export function formatDate(iso: string, settings: DateSettings): string {
  return label('date', iso, settings, () => formatters(settings).date.format(new Date(iso)));
}

/** The instant in UTC, for `<time datetime>`; the authored offset is kept nowhere a reader sees. */
export function isoInstant(iso: string): string {
  return new Date(iso).toISOString();
}
