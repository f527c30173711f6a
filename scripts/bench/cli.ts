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

/** A setting as typed, and how to name it in an error (a flag, a variable, a positional argument). */
export interface Setting {
  label: string;
  value: string | undefined;
}

/** The flag's value if it was given, else the environment variable's (an empty variable counts as unset). */
export function flagOrEnv(name: string, value: string | undefined, env: string): Setting {
  if (value !== undefined) return { label: `--${name}`, value };
  const fromEnv = process.env[env];
  return { label: env, value: fromEnv === '' ? undefined : fromEnv };
}

/** A whole number of at least `min`, or the default when the setting is absent. */
export function wholeNumber({ label, value }: Setting, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(number) && number >= min) return number;
  throw new UsageError(`${label} must be a whole number of at least ${min}, not "${value}".`);
}

/** The flags of every benchmark over a generated newsroom (scripts/bench/corpus.ts), for node:util parseArgs. */
export const CORPUS_FLAGS = {
  articles: { type: 'string' },
  tags: { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

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
