/**
 * Every file under a folder, listed in a worker thread: at 100,000 articles a site is 130,000 folders, and reading
 * them takes seconds that the build spends compiling meanwhile (the compile keeps the main thread busy; a second core
 * is free until the pages are rendered).
 */
import { Worker } from 'node:worker_threads';

/** The walk, as the worker runs it: plain JavaScript, so it needs no loader. */
const WALK = `
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const files = [];
const walk = (under) => {
  for (const entry of readdirSync(under ? join(workerData, under) : workerData, { withFileTypes: true })) {
    const path = under ? under + '/' + entry.name : entry.name;
    if (entry.isDirectory()) walk(path);
    else files.push(path);
  }
};
walk('');
parentPort.postMessage(files);
`;

/** The files under `folder`, relative, with forward slashes. */
export function listFilesInBackground(folder: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WALK, { eval: true, workerData: folder });
    worker.once('message', (files: string[]) => resolve(files));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`listing ${folder} stopped (exit code ${code})`));
    });
  });
}
