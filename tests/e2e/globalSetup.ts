/**
 * Builds the sample newsroom, the hostile fixture and a small paged newsroom once, serves them with nginx, stops
 * them afterwards.
 */
import { resolve } from 'node:path';
import { writePagedNewsroom } from './pagedNewsroom';
import { ROOT, buildSite, serve } from './server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleUrl: string;
    /** The built sample newsroom the server answers from, to compare its answers with the files. */
    sampleDist: string;
    hostileUrl: string;
    /** A newsroom with a section longer than a page (tests/e2e/pagedNewsroom.ts). */
    pagedUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const sampleDist = await buildSite(resolve(ROOT, 'content'), 'sample');
  const sample = await serve(sampleDist, 'sample');
  const hostile = await serve(await buildSite(resolve(ROOT, 'tests/fixtures/hostile'), 'hostile'), 'hostile');
  const paged = await serve(await buildSite(writePagedNewsroom(), 'paged'), 'paged');
  project.provide('sampleUrl', sample.url);
  project.provide('pagedUrl', paged.url);
  project.provide('sampleDist', sampleDist);
  project.provide('hostileUrl', hostile.url);
  console.log(`e2e: nginx serves the sample newsroom at ${sample.url}, the hostile fixture at ${hostile.url}`);
  return async () => {
    await sample.stop();
    await hostile.stop();
    await paged.stop();
  };
}
