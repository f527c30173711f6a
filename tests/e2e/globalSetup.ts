/** Builds the sample newsroom and the hostile fixture once, serves both, stops them afterwards. */
import { resolve } from 'node:path';
import { ROOT, buildSite, serve } from './server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleUrl: string;
    hostileUrl: string;
    serverKind: string;
  }
}

export default async function setup(project: TestProject) {
  const sample = await serve(await buildSite(resolve(ROOT, 'content'), 'sample'), 'sample');
  const hostile = await serve(await buildSite(resolve(ROOT, 'tests/fixtures/hostile'), 'hostile'), 'hostile');
  project.provide('sampleUrl', sample.url);
  project.provide('hostileUrl', hostile.url);
  project.provide('serverKind', sample.kind);
  console.log(`e2e: sample newsroom at ${sample.url}, hostile fixture at ${hostile.url} (${sample.kind})`);
  return async () => {
    await sample.stop();
    await hostile.stop();
  };
}
