/**
 * A small generated newsroom with a section longer than a page (23 Sport stories, 2 World), for the browser tests
 * of section paging; the sample newsroom's sections all fit on one page.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './server';

export const PAGED_SPORT_STORIES = 23;

export function writePagedNewsroom(): string {
  const dir = join(ARTIFACTS, 'content-paged');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const story = (id: string, section: string, day: number) => ({
    id,
    headline: `${section} story ${day}`,
    section,
    byline: [{ name: 'Ada Reporter' }],
    publishedAt: new Date(Date.UTC(2025, 0, 1 + day)).toISOString(),
    sections: [{ blocks: [{ type: 'paragraph', text: 'Body.' }] }],
  });
  const articles = [
    ...Array.from({ length: PAGED_SPORT_STORIES }, (_, i) => story(`sport-${i}`, 'Sport', i)),
    story('world-0', 'World', 0),
    story('world-1', 'World', 1),
  ];
  for (const article of articles) writeFileSync(join(dir, 'articles', `${article.id}.json`), JSON.stringify(article));
  writeFileSync(join(dir, 'site.json'), JSON.stringify({ name: 'Paged Post', sections: ['World', 'Sport'] }));
  return dir;
}
