// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, recordDateLabels, rememberDateLabels } from '../../src/format/dates';

const IST = { locale: 'en-IN', timeZone: 'Asia/Kolkata' };

describe('date labels', () => {
  it('shows the instant in the site zone with the zone abbreviation', () => {
    expect(formatDateTime('2025-07-12T12:39:19Z', IST)).toBe('12 July 2025, 18:09 IST');
    expect(formatDate('2025-07-12T20:00:00Z', IST)).toBe('13 July 2025');
  });

  it('records every label a render formats, including ones it had formatted before', () => {
    formatDate('2025-01-02T00:00:00Z', IST);
    const { result, labels } = recordDateLabels(() => [
      formatDate('2025-01-02T00:00:00Z', IST),
      formatDateTime('2025-03-04T05:06:00+05:30', IST),
    ]);
    expect(result).toEqual(['2 January 2025', '4 March 2025, 05:06 IST']);
    expect(Object.values(labels).sort()).toEqual(['2 January 2025', '4 March 2025, 05:06 IST']);
    // Recording stops with the render.
    formatDate('2025-05-06T00:00:00Z', IST);
    expect(Object.values(labels)).toHaveLength(2);
  });

  it('uses remembered labels without starting Intl (as the browser does when it hydrates a prerendered page)', () => {
    const { labels } = recordDateLabels(() => formatDate('2024-02-29T12:00:00Z', { ...IST, locale: 'en-GB' }));
    vi.resetModules();
    return import('../../src/format/dates').then((fresh) => {
      const Real = Intl.DateTimeFormat;
      let constructed = 0;
      Intl.DateTimeFormat = class extends Real {
        constructor(...args: ConstructorParameters<typeof Real>) {
          super(...args);
          constructed++;
        }
      } as typeof Real;
      try {
        fresh.rememberDateLabels(labels);
        expect(fresh.formatDate('2024-02-29T12:00:00Z', { ...IST, locale: 'en-GB' })).toBe('29 February 2024');
        expect(constructed).toBe(0);
        // A label it was not given is formatted as usual.
        expect(fresh.formatDate('2024-03-01T12:00:00Z', { ...IST, locale: 'en-GB' })).toBe('1 March 2024');
        expect(constructed).toBeGreaterThan(0);
      } finally {
        Intl.DateTimeFormat = Real;
      }
    });
  });

  it('ignores remembered values that are not text', () => {
    rememberDateLabels({ 'en-IN|Asia/Kolkata|date|2023-01-01T00:00:00Z': 5 as unknown as string });
    expect(formatDate('2023-01-01T00:00:00Z', IST)).toBe('1 January 2023');
  });
});
