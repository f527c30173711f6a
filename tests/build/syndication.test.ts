// @vitest-environment node
/** The build's feeds-and-sitemaps step: written with SITE_URL, skipped with one line without it; robots.txt. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SKIPPED_WITHOUT_SITE_URL,
  robotsWithSitemap,
  siteFileWriter,
  writeSyndication,
} from '../../build/syndication.ts';
import { compiledFolder } from './syndicationFixture.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function siteDir() {
  const folder = mkdtempSync(join(tmpdir(), 'broadsheet-syndication-'));
  folders.push(folder);
  writeFileSync(join(folder, 'robots.txt'), 'User-agent: *\nDisallow: /drafts/\n');
  return folder;
}

describe('feeds and sitemaps in the build', async () => {
  const { output, readDocument } = await compiledFolder('content');
  const now = new Date('2026-01-01T00:00:00Z');
  /** The step as the build runs it, into a fresh folder that ships its own robots.txt rules. */
  const syndicate = (dir: string, origin: string) =>
    writeSyndication({
      write: siteFileWriter(dir),
      robots: readFileSync(join(dir, 'robots.txt'), 'utf8'),
      pages: output.pages,
      readDocument,
      origin,
      now,
    });

  it('without SITE_URL: skipped, saying why in one line, and nothing written', async () => {
    const dir = siteDir();
    const line = await syndicate(dir, '');
    expect(line).toBe(SKIPPED_WITHOUT_SITE_URL);
    expect(line).toMatch(/^Feeds and sitemaps skipped: they need absolute URLs and SITE_URL is not set/);
    expect(line).not.toContain('\n');
    expect(readdirSync(dir)).toEqual(['robots.txt']);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).not.toMatch(/Sitemap:/);
  });

  it('with SITE_URL: feeds, sitemaps, and robots.txt naming the index after the rules it had', async () => {
    const dir = siteDir();
    const line = await syndicate(dir, 'https://ledger.example');
    expect(line).toMatch(/^Feeds: RSS and Atom for 50 list pages \(.* MB made now\); sitemaps: 80 URLs in 1 sitemap/);
    expect(readdirSync(dir).sort()).toEqual(['feeds', 'robots.txt', 'sitemap.xml', 'sitemaps']);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nDisallow: /drafts/\n\nSitemap: https://ledger.example/sitemap.xml\n',
    );
    expect(readFileSync(join(dir, 'feeds/tags/north-korea-news.rss'), 'utf8')).toMatch(/^<\?xml version="1.0"/);
  });

  it('robots.txt without rules of its own allows everything', () => {
    expect(robotsWithSitemap(undefined, 'https://x.example')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap.xml\n',
    );
  });
});
