/**
 * What the benchmark scripts share on the command line: whole-number settings taken from a flag, else
 * from a `BENCH_*` variable, else a default; and one plain sentence (with the usage) for an operator's
 * mistake instead of a stack trace.
 */
import { pathToFileURL } from 'node:url';

/** A mistake on the command line or in a `BENCH_*` variable: printed as its message and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util parseArgs reports unknown options and missing values with codes of this form. */
function isParseArgsError(error: unknown): error is Error {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/**
 * A whole number of at least `min`: the flag's value if given, else the environment variable's, else the
 * default. The error names whichever of the two the bad value came from.
 */
export function wholeNumber(
  flag: { name: string; value: string | undefined },
  env: string | undefined,
  fallback: number,
  min = 0,
): number {
  const fromEnv = flag.value === undefined && env !== undefined ? process.env[env] : undefined;
  const text = flag.value ?? (fromEnv === '' ? undefined : fromEnv);
  if (text === undefined) return fallback;
  const number = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(number) && number >= min) return number;
  const source = flag.value === undefined && env ? env : `--${flag.name}`;
  throw new UsageError(`${source} must be a whole number of at least ${min}, not "${text}".`);
}

/** Whether this module is the script Node was started with (not imported by another). */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return !!script && moduleUrl === pathToFileURL(script).href;
}

/**
 * Runs a script's entry point: an operator's mistake prints one sentence and the usage and exits with 2;
 * anything else is a failure of the benchmark and keeps its stack.
 */
export function runCli(run: () => Promise<unknown>, usage: string): void {
  run().catch((error: unknown) => {
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`${error.message}\n\n${usage}`);
      process.exitCode = 2;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  });
}
