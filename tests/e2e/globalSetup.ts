/**
/**
 * Builds the sample newsroom, the hostile fixture and a small paged newsroom once, serves them with nginx, stops
 * them afterwards. The sample is built as without SITE_URL (no canonical URLs, no feeds); the hostile fixture with
 * SITE_URL set to the address it is served from, so its feeds, sitemaps and discovery links exist and can be
 * followed, at a fixed build clock (SOURCE_DATE_EPOCH) a day after its articles, so its news sitemap lists them.
 */
import { resolve } from 'node:path';
import { writePagedNewsroom } from './pagedNewsroom';
import { ROOT, buildSite, freePort, serve } from './server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleUrl: string;
    /** The built sample newsroom the server answers from, to compare its answers with the files. */
    sampleDist: string;
    hostileUrl: string;
    /** A newsroom with a section longer than a page (tests/e2e/pagedNewsroom.ts). */
    pagedUrl: string;
    /** The built hostile fixture (with SITE_URL = hostileUrl, so with feeds and sitemaps). */
    hostileDist: string;
  }
}

/** 2025-07-13T00:00:00Z: 14 and 38 hours after the hostile fixture's two articles were published. */
const HOSTILE_BUILD_CLOCK = 1_752_364_800;

export default async function setup(project: TestProject) {
  const sampleDist = await buildSite(resolve(ROOT, 'content'), 'sample');
  const sample = await serve(sampleDist, 'sample');
  const hostilePort = await freePort();
  const hostileDist = await buildSite(resolve(ROOT, 'tests/fixtures/hostile'), 'hostile', {
    SITE_URL: `http://127.0.0.1:${hostilePort}`,
    SOURCE_DATE_EPOCH: String(HOSTILE_BUILD_CLOCK),
  });
  const hostile = await serve(hostileDist, 'hostile', hostilePort);
  const paged = await serve(await buildSite(writePagedNewsroom(), 'paged'), 'paged');
  project.provide('sampleUrl', sample.url);
  project.provide('pagedUrl', paged.url);
  project.provide('sampleDist', sampleDist);
  project.provide('hostileUrl', hostile.url);
  project.provide('hostileDist', hostileDist);
  console.log(`e2e: nginx serves the sample newsroom at ${sample.url}, the hostile fixture at ${hostile.url}`);
  return async () => {
    await sample.stop();
    await hostile.stop();
    await paged.stop();
  };
}
