/** Reading a source file's JSON and site.json, every failure a problem line. */
import { type Problem, formatPath, problemsFromZod } from '../../src/model/problems.ts';
import { MAX_NESTING, SiteConfig } from '../../src/model/schema.ts';
import type { SourceFile } from './types.ts';

/**
 * The parser's message quotes the text near the fault, control characters included; a problem is one line, so
 * they are shown escaped (`\u000a`), as JSON would write them.
 */
const oneLine = (message: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
  message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function parseJson(source: SourceFile, problems: Problem[]): unknown {
  try {
    return JSON.parse(source.text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ file: source.file, path: '(root)', message: `is not valid JSON: ${oneLine(message)}` });
    return undefined;
  }
}

/**
 * How deep a parsed document nests arrays and objects (a scalar is 0, `{}` is 1), and the top-level field (or
 * index) that holds the deepest part. Counted without recursion, since the document may be hostile.
 */
function nesting(value: unknown): { depth: number; field?: string | number } {
  let deepest: { depth: number; field?: string | number } = { depth: 0 };
  const stack: { value: unknown; depth: number; field?: string | number }[] = [{ value, depth: 1 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth > deepest.depth) deepest = { depth: item.depth, field: item.field };
    const entries: [string | number, unknown][] = Array.isArray(item.value)
      ? item.value.map((child, i): [number, unknown] => [i, child])
      : Object.entries(item.value);
    for (const [key, child] of entries) {
      if (child !== null && typeof child === 'object') {
        stack.push({ value: child, depth: item.depth + 1, field: item.field ?? key });
      }
    }
  }
  return deepest;
}

/** A problem when a document nests deeper than MAX_NESTING, which the schema's recursive walk must not meet. */
export function nestingProblem(file: string, value: unknown): Problem | undefined {
  const { depth, field } = nesting(value);
  if (depth <= MAX_NESTING) return undefined;
  return {
    file,
    path: formatPath(field === undefined ? [] : [field]),
    message: `nests arrays and objects ${depth} levels deep; at most ${MAX_NESTING} are allowed`,
  };
}

export function loadSite(source: SourceFile | undefined, problems: Problem[]) {
  const raw = source ? parseJson(source, problems) : {};
  const tooDeep = source ? nestingProblem(source.file, raw) : undefined;
  if (tooDeep) {
    problems.push(tooDeep);
    return SiteConfig.parse({});
  }
  const parsed = SiteConfig.safeParse(raw ?? {}, { reportInput: true });
  if (parsed.success) return parsed.data;
  problems.push(...problemsFromZod(source?.file ?? 'site.json', parsed.error));
  return SiteConfig.parse({});
}
