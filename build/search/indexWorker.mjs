/**
 * The search index's worker thread (build/search/backgroundIndex.ts starts it). Node runs a worker's file as it is,
 * without the loader the build runs under, so this plain file loads the TypeScript through tsx's own API.
 */
import { tsImport } from 'tsx/esm/api';

await tsImport('./indexWorker.ts', import.meta.url);
