/** A small newsroom compiled in memory, its search index, and a search source that reads the index's files. */
import { compileContent } from '../../build/compile';
import { buildSearchIndex, compiledArticles } from '../../build/search/buildSearchIndex';
import { SearchMeta, SearchRecord, TermFile } from '../../src/search/documents';
import { recordPath, searchPath } from '../../src/search/paths';
import type { SearchSource } from '../../src/search/runSearch';

export interface StoryFields {
  id: string;
  headline: string;
  standfirst?: string;
  body?: string;
  tags?: string[];
  authors?: string[];
  section?: string;
  /** Days after 2025-01-01. */
  day: number;
}

function story({ id, headline, standfirst, body = 'Nothing to add.', tags, authors, section, day }: StoryFields) {
  return {
    id,
    headline,
    ...(standfirst ? { standfirst } : {}),
    ...(section ? { section } : {}),
    byline: (authors ?? ['Ada Reporter']).map((name) => ({ name })),
    publishedAt: new Date(Date.UTC(2025, 0, 1 + day)).toISOString(),
    sections: [{ blocks: [{ type: 'paragraph', text: body }] }],
    ...(tags ? { tags } : {}),
  };
}

export function compiledStories(stories: readonly StoryFields[]) {
  const output = compileContent({
    articles: stories.map((fields) => ({ file: `articles/${fields.id}.json`, text: JSON.stringify(story(fields)) })),
    fileExists: () => false,
    mode: 'strict',
  });
  if (output.problems.length > 0) throw new Error(JSON.stringify(output.problems));
  return compiledArticles(output.documents);
}

export function indexOf(stories: readonly StoryFields[]) {
  const files = buildSearchIndex(compiledStories(stories));
  const read = (path: string): unknown => {
    const text = files.get(path);
    if (text === undefined) throw new Error(`no file ${path}`);
    return JSON.parse(text);
  };
  const reads: string[] = [];
  let parsedMeta: SearchMeta | undefined;
  const meta = () => (parsedMeta ??= SearchMeta.parse(read(searchPath.meta())));
  const source: SearchSource = {
    meta: () => Promise.resolve(meta()),
    file: (path) => {
      reads.push(path);
      return Promise.resolve(TermFile.parse(read(path)));
    },
    record: (document) =>
      Promise.resolve(SearchRecord.parse(read(recordPath(meta(), document) ?? `no record ${document}`))),
  };
  return { files, source, reads };
}
