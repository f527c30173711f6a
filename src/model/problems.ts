/** Content problems: every one names the file, the JSON path and what is wrong. */
import type { z } from 'zod';

export interface Problem {
  /** Path relative to CONTENT_DIR, with forward slashes. */
  file: string;
  /** JSON path such as `sections[2].blocks[0].text`; `(root)` for the whole document. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Turns zod's issues into problems a newsroom editor can act on. */
export function problemsFromZod(file: string, error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file,
          path: formatPath([...issue.path, key]),
          message: 'unknown field (check the spelling; fields of your own must start with "x-")',
        });
      }
      continue;
    }
    let message = issue.message;
    // zod reports a non-integer as a type problem; the schema's own words say it better.
    if (issue.code === 'invalid_type' && issue.expected !== 'int') {
      message =
        issue.input === undefined
          ? 'is required'
          : `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}, not ${describeType(issue.input)}`;
    } else if (issue.code === 'invalid_value' && issue.path.at(-1) === 'type') {
      message = `must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    }
    problems.push({ file, path: formatPath(issue.path), message });
  }
  return problems;
}
