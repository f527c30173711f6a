/** Where Chromium is: CHROME_PATH, Debian's /usr/bin/chromium, or one on the PATH. Shared by tests and benchmarks. */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findChrome() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    ...(process.env.PATH ?? '').split(delimiter).flatMap((dir) => [join(dir, 'chromium'), join(dir, 'google-chrome')]),
  ];
  return candidates.find((path) => path && existsSync(path));
}

/** The flags this machine's Chromium needs: no sandbox as root, and no calls to the outside network. */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
