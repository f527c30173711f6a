/**
 * `npm test`: lint and format check, type-check, unit and component tests, then the browser
 * tests in real Chromium. Without Chromium it says so loudly; under CI=true that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { findChrome } from './find-chrome.mjs';

const steps = [
  ['Lint', 'npx', ['eslint', '.']],
  ['Format', 'npx', ['prettier', '--check', '.']],
  ['Type-check: browser code (src/)', 'npx', ['tsc', '-p', 'tsconfig.app.json']],
  ['Type-check: Node code (build/, scripts/, configs)', 'npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['Type-check: tests and benchmarks', 'npx', ['tsc', '-p', 'tsconfig.test.json']],
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
if (!chrome) {
  const banner = [
    '',
    '!'.repeat(72),
    '!!  NO CHROMIUM FOUND: the browser tests did NOT run.',
    '!!  Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.',
    '!'.repeat(72),
    '',
  ].join('\n');
  console.error(banner);
  if (process.env.CI === 'true') {
    console.error('CI=true: a missing browser is a failure.');
    process.exit(1);
  }
  process.exit(0);
}
run(`Browser tests (${chrome})`, 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], {
  ...process.env,
  CHROME_PATH: chrome,
});
console.log('\n✓ All checks passed');
