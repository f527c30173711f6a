/**
 * `npm test`: lint and format check, type-check, unit and component tests, then the browser
 * tests in real Chromium against the built site served by nginx with deploy/nginx.conf. Without
 * Chromium or nginx it says so loudly and skips them; under CI=true that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { findChrome } from './find-chrome.mjs';
import { findNginx } from './find-nginx.mjs';

const steps = [
  ['Lint', 'npx', ['eslint', '.']],
  ['Format', 'npx', ['prettier', '--check', '.']],
  ['Type-check: browser code (src/)', 'npx', ['tsc', '-p', 'tsconfig.app.json']],
  ['Type-check: Node code (build/, scripts/, configs)', 'npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['Type-check: tests and benchmarks', 'npx', ['tsc', '-p', 'tsconfig.test.json']],
  // Unused files, exports and dependencies: what nothing uses is a place for bugs to hide.
  ['Dead code (knip)', 'npx', ['knip', '--no-progress']],
  ['Unit and component tests', 'npx', ['vitest', 'run']],
];

function run(name, command, args, env = process.env) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}

for (const [name, command, args] of steps) run(name, command, args);

const chrome = findChrome();
const nginx = findNginx();
// The browser tests need both: Chromium to drive, nginx to serve the site as deploy/nginx.conf says.
const missing = [
  ...(chrome ? [] : ['NO CHROMIUM FOUND: install it (Debian: apt-get install -y chromium) or set CHROME_PATH.']),
  ...(nginx ? [] : ['NO NGINX FOUND: install it (Debian: apt-get install -y nginx) or set NGINX_PATH.']),
];
if (missing.length > 0) {
  const banner = [
    '',
    '!'.repeat(72),
    '!!  The browser tests did NOT run.',
    ...missing.map((line) => `!!  ${line}`),
    '!'.repeat(72),
    '',
  ].join('\n');
  console.error(banner);
  if (process.env.CI === 'true') {
    console.error('CI=true: a missing browser or web server is a failure.');
    process.exit(1);
  }
  process.exit(0);
}
run(`Browser tests (${chrome}, ${nginx})`, 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], {
  ...process.env,
  CHROME_PATH: chrome,
  NGINX_PATH: nginx,
});
console.log('\n✓ All checks passed');
