/** Reading a source file's JSON and site.json, every failure a problem line. */
import { type Problem, problemsFromZod } from '../../src/model/problems.ts';
import { SiteConfig } from '../../src/model/schema.ts';
import type { SourceFile } from './types.ts';

export function parseJson(source: SourceFile, problems: Problem[]): unknown {
  try {
    return JSON.parse(source.text) as unknown;
  } catch (error) {
    problems.push({ file: source.file, path: '(root)', message: `is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

export function loadSite(source: SourceFile | undefined, problems: Problem[]) {
  const raw = source ? parseJson(source, problems) : {};
  const parsed = SiteConfig.safeParse(raw ?? {}, { reportInput: true });
  if (parsed.success) return parsed.data;
  problems.push(...problemsFromZod(source?.file ?? 'site.json', parsed.error));
  return SiteConfig.parse({});
}
