/**
 * Size budgets of the built sample newsroom (globalSetup builds it): each route's first-render JavaScript,
 * all CSS, and the code split that keeps one page's code out of another's first render.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CSS_BUDGET_GZIP,
  JS_BUDGET_GZIP,
  JS_CEILING_GZIP,
  ROUTES,
  kib,
  routeSizes,
  type BundleReport,
  type RouteName,
} from '../../scripts/bench/bundleSize';

let report: BundleReport;

beforeAll(() => {
  report = routeSizes(resolve(__dirname, '.artifacts/dist-sample'));
});

const route = (name: RouteName) => {
  const found = report.routes.find((entry) => entry.route === name);
  if (!found) throw new Error(`no sizes for route ${name}`);
  return found;
};

describe('bundle size', () => {
  it('measures a production build (vite build under NODE_ENV=test bundles React for development)', () => {
    expect(report.production, 'tests/e2e/.artifacts/dist-sample carries React development code').toBe(true);
  });

  const detail = (files: { file: string; gzip: number }[]) =>
    files.map((file) => `${file.file} ${kib(file.gzip)}`).join(', ');

  it.each(Object.keys(ROUTES) as RouteName[])(
    `%s route, prerendered: JavaScript loaded before the reader interacts ≤ ${kib(JS_BUDGET_GZIP)} gzip`,
    (name) => {
      const { atLoad } = route(name);
      expect(atLoad.gzip, `${name}: ${kib(atLoad.gzip)} gzip (${detail(atLoad.files)})`).toBeLessThanOrEqual(
        JS_BUDGET_GZIP,
      );
    },
  );

  it.each(Object.keys(ROUTES) as RouteName[])(
    `%s route, rendered in the browser: JavaScript ≤ ${kib(JS_CEILING_GZIP)} gzip (target ${kib(JS_BUDGET_GZIP)})`,
    (name) => {
      const { gzip, files } = route(name);
      expect(gzip, `${name}: ${kib(gzip)} gzip (${detail(files)})`).toBeLessThanOrEqual(JS_CEILING_GZIP);
    },
  );

  it(`all CSS ≤ ${kib(CSS_BUDGET_GZIP)} gzip`, () => {
    expect(report.css.length).toBeGreaterThan(0);
    expect(report.cssGzip, `CSS ${kib(report.cssGzip)} gzip`).toBeLessThanOrEqual(CSS_BUDGET_GZIP);
  });

  it('splits the pages: each has its own lazy chunk and no route statically loads another page', () => {
    expect(report.problems).toEqual([]);
    for (const [name, page] of Object.entries(ROUTES) as [RouteName, string][]) {
      const own = route(name);
      expect(own.lazyChunks).toContain(page);
      for (const other of Object.values(ROUTES).filter((source) => source !== page)) {
        expect(own.chunks, `${name} route loads ${other}`).not.toContain(other);
      }
    }
  });
});
