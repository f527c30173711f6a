// @vitest-environment node
/**
 * Whatever is in the article files and site.json (arbitrary bytes, arbitrary JSON, article-shaped JSON
 * whose images name good, bad, escaping or missing files), loading ends in problem lines or success,
 * never an exception, in both modes.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../build/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { article } from './articleSource.ts';
import { makeFolder, rasterImages, removeFolder, PLAIN_SVG } from './contentFolder.ts';

let dir = '';
let outside = '';
beforeAll(async () => {
  outside = makeFolder({ 'secret.svg': PLAIN_SVG });
  dir = makeFolder({
    'images/ok.svg': PLAIN_SVG,
    'images/ok.png': (await rasterImages()).png,
    'images/page.html': '<html><script>alert(1)</script></html>',
    'images/text.png': 'words',
    'images/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    'images/dir.svg': { folder: true },
  });
  symlinkSync(join(outside, 'secret.svg'), join(dir, 'images/out.svg'));
});
afterAll(() => [dir, outside].forEach(removeFolder));

/** Writes one case into a fresh folder with a copy of the prepared images (the escaping link stays a link). */
function newsroom(site: Uint8Array | undefined, articles: Uint8Array[]): string {
  const root = mkdtempSync(join(dir, 'case-'));
  cpSync(join(dir, 'images'), join(root, 'images'), { recursive: true, verbatimSymlinks: true });
  makeFolder({ articles: { folder: true } }, root);
  if (site) writeFileSync(join(root, 'site.json'), site);
  articles.forEach((bytes, i) => writeFileSync(join(root, 'articles', `a${i}.json`), bytes));
  return root;
}

/** What the cases reached, so a generator that stopped reaching the image checks is noticed. */
const reached = { published: 0, refusedImages: 0 };

async function expectOnlyLines(root: string) {
  for (const mode of ['strict', 'lenient'] as const) {
    const output = await loadContent(root, mode, { allowEmpty: false });
    if (output.media.size > 0) reached.published++;
    if (output.problems.some((problem) => /\bsrc: image file .* (is|passes|cannot)/.test(formatProblem(problem)))) {
      reached.refusedImages++;
    }
    for (const problem of output.problems) {
      expect(problem.file).not.toBe('');
      expect(problem.message).not.toBe('');
      expect(formatProblem(problem)).not.toContain('\n');
    }
    if (mode === 'strict' && output.problems.length > 0) expect(output.documents.size).toBe(0);
  }
  rmSync(root, { recursive: true, force: true });
}

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const srcs = fc.constantFrom(
  'images/ok.svg',
  'images/ok.png',
  'images/page.html',
  'images/text.png',
  'images/evil.svg',
  'images/dir.svg',
  'images/out.svg',
  'images/missing.png',
);
// Mostly valid fields, so that many cases get as far as the image checks, with arbitrary ones mixed in.
const mostly = <T, U>(valid: fc.Arbitrary<T>, any: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: any, weight: 1 });
const articleShaped = fc
  .record({
    id: mostly(fc.constantFrom('a', 'b', 'c'), fc.string()),
    headline: mostly(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })),
    image: fc.option(
      fc.record({
        src: mostly(srcs, fc.string()),
        alt: mostly(fc.constant('A picture'), fc.string()),
        width: mostly(fc.integer({ min: 1, max: 4000 }), fc.integer()),
        height: fc.nat(),
      }),
    ),
    blockSrc: fc.option(srcs),
    extra: mostly(
      fc.dictionary(
        fc.string({ maxLength: 8 }).map((key) => `x-${key}`),
        fc.jsonValue({ maxDepth: 3 }),
        { maxKeys: 2 },
      ),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 2 }),
    ),
  })
  .map(({ id, headline, image, blockSrc, extra }) =>
    article(id, {
      headline,
      ...(image ? { image } : {}),
      ...(blockSrc
        ? { sections: [{ blocks: [{ type: 'image', src: blockSrc, alt: 'x', width: 8, height: 6 }] }] }
        : {}),
      ...extra,
    }),
  );

// Each case writes a folder and loads it twice; on a busy machine a hundred cases take a while.
describe('loadContent never throws', { timeout: 120_000 }, () => {
  it('arbitrary bytes in article files and site.json', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.uint8Array({ maxLength: 200 })),
        fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 3 }),
        (site, articles) => expectOnlyLines(newsroom(site ?? undefined, articles)),
      ),
      { numRuns: 40 },
    );
  });

  it('arbitrary JSON in article files and site.json', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.jsonValue({ maxDepth: 4 })),
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 3 }),
        (site, articles) => expectOnlyLines(newsroom(site === null ? undefined : encode(site), articles.map(encode))),
      ),
      { numRuns: 40 },
    );
  });

  it('article-shaped JSON whose images are good, refused, escaping or missing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(
          fc.record({ name: fc.jsonValue({ maxDepth: 1 }), locale: fc.constantFrom('en-GB', 'xx-nope', 'de') }),
        ),
        fc.array(articleShaped, { minLength: 1, maxLength: 4 }),
        (site, articles) => expectOnlyLines(newsroom(site ? encode(site) : undefined, articles.map(encode))),
      ),
      { numRuns: 60 },
    );
    expect(reached.published).toBeGreaterThan(0);
    expect(reached.refusedImages).toBeGreaterThan(0);
  });
});
