// @vitest-environment node
/**
 * Reading a content folder that is broken in the ways folders copied between machines are: every case is
 * a problem line naming the path (never an exception), and nothing outside the folder is ever read.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../build/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { article } from './articleSource.ts';
import { foldersOfThisFile, rasterImages, PLAIN_SVG } from './contentFolder.ts';
import type { SiteDocument } from '../../src/model/compiled.ts';

const folder = foldersOfThisFile();

const lines = async (dir: string, mode: 'strict' | 'lenient' = 'strict', allowEmpty = false) =>
  (await loadContent(dir, mode, { allowEmpty })).problems.map(formatProblem);
const warningLines = async (dir: string) =>
  (await loadContent(dir, 'strict', { allowEmpty: false })).warnings.map(formatProblem);

const image = (src: string) => ({ src, alt: 'A picture', width: 8, height: 6 });
const good = { json: article('good') };

describe('entries that are not what their names say', () => {
  it('a folder named x.json, a dangling link, a pipe: one line each, the good article still compiles in dev', async () => {
    const dir = folder({
      'articles/a-good.json': good,
      'articles/x.json': { folder: true },
      'articles/gone.json': { symlink: 'nowhere.json' },
      'articles/pipe.json': { fifo: true },
    });
    expect(await lines(dir)).toEqual([
      'articles/gone.json: (root): is a symbolic link to a file that does not exist',
      'articles/pipe.json: (root): is not a regular file (a pipe, socket or device)',
      'articles/x.json: (root): is a folder, not a file',
    ]);
    const dev = await loadContent(dir, 'lenient');
    expect(dev.documents.has('/data/articles/good.json')).toBe(true);
    const site = JSON.parse(dev.documents.get('/data/site.json') ?? '{}') as SiteDocument;
    expect(site.problems).toContain('articles/x.json: (root): is a folder, not a file');
  });

  it('site.json that is a folder, articles that is a file', async () => {
    const dir = folder({ 'site.json': { folder: true }, articles: 'not a folder' });
    expect(await lines(dir)).toEqual([
      'site.json: (root): is a folder, not a file',
      'articles: (root): is a file, not a folder; articles go in a folder named articles, one .json file each',
    ]);
  });

  it('a content folder that is a file, or missing, is one line naming it', async () => {
    const dir = folder({ 'file.txt': 'x' });
    expect(await lines(join(dir, 'file.txt'))).toEqual([
      `.: (root): content folder ${join(dir, 'file.txt')} is a file, not a folder`,
    ]);
    expect(await lines(join(dir, 'missing'))).toEqual([
      `.: (root): content folder ${join(dir, 'missing')} does not exist`,
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file (chmod 000) is a line, not EACCES', async () => {
    const dir = folder({ 'articles/a-good.json': good, 'articles/locked.json': { json: article('locked') } });
    chmodSync(join(dir, 'articles/locked.json'), 0o000);
    expect(await lines(dir)).toEqual(['articles/locked.json: (root): cannot be read (permission denied)']);
  });
});

describe('symbolic links', () => {
  const outside = mkdtempSync(join(tmpdir(), 'broadsheet-outside-'));
  folder({ 'leak.json': { json: article('leaked') }, 'secret.svg': PLAIN_SVG, 'dir/photo.svg': PLAIN_SVG }, outside);

  it('an article that links outside the folder is refused and never read', async () => {
    const dir = folder({ 'articles/a-good.json': good, 'articles/leak.json': { symlink: join(outside, 'leak.json') } });
    expect(await lines(dir)).toEqual([
      `articles/leak.json: (root): is a symbolic link to ${join(outside, 'leak.json')}, outside the content folder; only files inside it are read`,
    ]);
    // Had it been read, the dev server would publish the article it holds.
    const dev = await loadContent(dir, 'lenient');
    expect(dev.documents.has('/data/articles/leaked.json')).toBe(false);
  });

  it('an image file or folder that links outside is refused, naming the article, the field and the link', async () => {
    const dir = folder({
      'articles/a.json': { json: article('a', { image: image('images/secret.svg') }) },
      'articles/b.json': {
        json: article('b', { sections: [{ blocks: [{ type: 'image', ...image('images/ext/photo.svg') }] }] }),
      },
      'articles/c.json': good,
      'images/secret.svg': { symlink: join(outside, 'secret.svg') },
      'images/ext': { symlink: join(outside, 'dir') },
    });
    expect(await lines(dir)).toEqual([
      `articles/a.json: image.src: image file "images/secret.svg" is a symbolic link to ${join(outside, 'secret.svg')}, outside the content folder; only files inside it are read`,
      `articles/b.json: sections[0].blocks[0].src: image file "images/ext/photo.svg" passes through images/ext, a symbolic link to ${join(outside, 'dir')}, outside the content folder; only files inside it are read`,
    ]);
    const dev = await loadContent(dir, 'lenient');
    expect([...dev.media.values()]).toEqual([]);
    expect(dev.documents.has('/data/articles/c.json') || dev.documents.has('/data/articles/good.json')).toBe(true);
  });

  it('links that stay inside the folder are followed, and so is a content folder that is itself a link', async () => {
    const dir = folder({
      'drafts/shared.json': { json: article('shared', { image: image('images/current.svg') }) },
      'articles/shared.json': { symlink: '../drafts/shared.json' },
      'images/2025/real.svg': PLAIN_SVG,
      'images/current.svg': { symlink: '2025/real.svg' },
    });
    expect(await lines(dir)).toEqual([]);
    const linked = folder({ newsroom: { symlink: dir } });
    const output = await loadContent(join(linked, 'newsroom'), 'strict');
    expect(output.problems).toEqual([]);
    expect(Object.fromEntries(output.media)).toEqual({ '/media/images/current.svg': 'images/current.svg' });
  });
});

describe('text encodings', () => {
  it('bytes that are not UTF-8 are a line with the byte, its offset and line, not U+FFFD', async () => {
    const text = JSON.stringify(article('latin', { headline: 'Caf_ opens' }), null, 2);
    const offset = text.indexOf('_');
    const bytes = Buffer.from(text);
    bytes[offset] = 0xe9; // "é" in Latin-1
    const line = text.slice(0, offset).split('\n').length;
    const dir = folder({ 'articles/latin.json': bytes, 'site.json': Buffer.from([0x7b, 0x7d, 0xff]) });
    expect(await lines(dir)).toEqual([
      'site.json: (root): is not valid UTF-8: byte 0xFF at offset 2 (line 1) is not part of a UTF-8 character; save the file as UTF-8',
      `articles/latin.json: (root): is not valid UTF-8: byte 0xE9 at offset ${offset} (line ${line}) is not part of a UTF-8 character; save the file as UTF-8`,
    ]);
  });

  it('a UTF-8 byte order mark is accepted, in articles and site.json', async () => {
    const bom = (value: unknown) =>
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(value))]);
    const dir = folder({ 'articles/a.json': bom(article('bom')), 'site.json': bom({ name: 'Marked Times' }) });
    const output = await loadContent(dir, 'strict');
    expect(output.problems).toEqual([]);
    expect((JSON.parse(output.documents.get('/data/site.json') ?? '{}') as SiteDocument).name).toBe('Marked Times');
  });

  it('UTF-16 is named as such', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(article('wide')), 'utf16le')]);
    expect(await lines(folder({ 'articles/wide.json': utf16 }))).toEqual([
      'articles/wide.json: (root): is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8',
    ]);
  });
});

describe('an empty newsroom and ignored files', () => {
  it('a folder one level too deep (CONTENT_DIR=content/articles) is refused, with the likely cause', async () => {
    const dir = folder({ 'articles/a.json': good, 'articles/b.json': { json: article('b') } });
    const deep = join(dir, 'articles');
    expect(await lines(deep)).toEqual([
      `articles: (root): ${deep} has no articles folder, so the site would be empty. ${deep} itself holds 2 .json files: ` +
        'is CONTENT_DIR one level too deep? It must name the folder that holds articles/. To publish an empty site on purpose, set ALLOW_EMPTY=1.',
    ]);
    // The problem speaks for the articles it found; no warning per file.
    expect(await warningLines(deep)).toEqual([]);
  });

  it('a folder one level too high is refused, naming the folder meant', async () => {
    const many = folder({ 'one/articles/a.json': good, 'two/articles/a.json': good });
    expect(await lines(many)).toEqual([
      `articles: (root): ${many} has no articles folder, so the site would be empty. ` +
        'Did you mean one of its folders that hold an articles folder (one, two)? To publish an empty site on purpose, set ALLOW_EMPTY=1.',
    ]);
    const dir = folder({ 'content/articles/a.json': good });
    expect(await lines(dir)).toEqual([
      `articles: (root): ${dir} has no articles folder, so the site would be empty. Did you mean CONTENT_DIR=${join(dir, 'content')}? ` +
        'To publish an empty site on purpose, set ALLOW_EMPTY=1.',
    ]);
  });

  it('articles only in sub-folders, or named *.JSON: refused as empty, each ignored file a warning', async () => {
    const dir = folder({
      'articles/2025/a.json': good,
      'articles/2025/b.json': { json: article('b') },
      'articles/C.JSON': { json: article('c') },
      'articles/notes.txt': 'to do',
      'articles/.DS_Store': 'x',
      'Site.json': '{}',
      'stray.json': '{}',
    });
    expect(await lines(dir)).toEqual([
      `articles: (root): no article files (*.json) in ${join(dir, 'articles')}, so the site would be empty. ` +
        `${dir} itself holds 2 .json files: is CONTENT_DIR one level too deep? It must name the folder that holds articles/. ` +
        'To publish an empty site on purpose, set ALLOW_EMPTY=1.',
    ]);
    expect(await warningLines(dir)).toEqual([
      'Site.json: (root): ignored: the site settings are read only from a file named site.json (lower case)',
      'stray.json: (root): ignored: articles are read only from the articles folder',
      'articles/2025: (root): ignored: a folder (with 2 .json files); articles are read only from articles/ itself, not from folders inside it',
      'articles/C.JSON: (root): ignored: only names ending in ".json" (lower case) are read; rename it to end in .json',
      'articles/notes.txt: (root): ignored: not a .json file',
    ]);
  });

  it('ALLOW_EMPTY builds an empty site, with a warning', async () => {
    const dir = folder({ 'site.json': { json: { name: 'Quiet Times' } } });
    const output = await loadContent(dir, 'strict', { allowEmpty: true });
    expect(output.problems).toEqual([]);
    expect(output.warnings.map(formatProblem)).toEqual([
      'articles: (root): no articles; an empty site is built (ALLOW_EMPTY=1)',
    ]);
    expect(output.stats.articles).toBe(0);
    expect(output.documents.has('/data/site.json')).toBe(true);
  });

  it('ALLOW_EMPTY=1 in the environment is the default', async () => {
    const dir = folder({ 'site.json': '{}' });
    const saved = process.env.ALLOW_EMPTY;
    try {
      process.env.ALLOW_EMPTY = '1';
      expect((await loadContent(dir, 'strict')).problems).toEqual([]);
      process.env.ALLOW_EMPTY = '';
      expect((await loadContent(dir, 'strict')).problems).toHaveLength(1);
    } finally {
      process.env.ALLOW_EMPTY = saved;
    }
  });

  it('warnings do not fail a valid newsroom', async () => {
    const dir = folder({ 'articles/a.json': good, 'articles/readme.md': '# notes' });
    const output = await loadContent(dir, 'strict');
    expect(output.problems).toEqual([]);
    expect(output.warnings.map(formatProblem)).toEqual(['articles/readme.md: (root): ignored: not a .json file']);
    expect(output.documents.has('/data/articles/good.json')).toBe(true);
  });
});

// sharp encodes the test images and decodes every one checked.
describe('images are what they claim', { timeout: 30_000 }, () => {
  it('every supported type passes, checked by its bytes', async () => {
    const raster = await rasterImages();
    const files = {
      'images/a.png': raster.png,
      'images/b.jpg': raster.jpeg,
      'images/c.jpeg': raster.jpeg,
      'images/d.webp': raster.webp,
      'images/e.avif': raster.avif,
      'images/f.gif': raster.gif,
      'images/g.svg': PLAIN_SVG,
    };
    const blocks = Object.keys(files).map((src) => ({ type: 'image', ...image(src) }));
    const dir = folder({ ...files, 'articles/a.json': { json: article('all', { sections: [{ blocks }] }) } });
    const output = await loadContent(dir, 'strict');
    expect(output.problems).toEqual([]);
    expect([...output.media.values()].sort()).toEqual(Object.keys(files));
  });

  it('non-images and images in disguise are refused, naming the article and the field', async () => {
    const raster = await rasterImages();
    const srcs = [
      'images/page.html',
      'images/app.js',
      'images/text.png',
      'images/doc.png',
      'images/photo.jpg',
      'images/broken.png',
      'images/polyglot.gif',
    ];
    const dir = folder({
      'images/page.html': '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>',
      'images/app.js': 'fetch("/data/site.json").then((r) => r.text()).then(alert);',
      'images/text.png': 'Just some words, saved with the wrong name.',
      'images/doc.png': '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n',
      'images/photo.jpg': raster.png,
      'images/broken.png': raster.png.subarray(0, 40),
      'images/polyglot.gif': 'GIF89a=1;alert(document.domain)//',
      'articles/a.json': {
        json: article('a', { sections: [{ blocks: srcs.map((src) => ({ type: 'image', ...image(src) })) }] }),
      },
    });
    const got = await lines(dir);
    const at = (i: number) => `articles/a.json: sections[0].blocks[${i}].src: image file "${srcs[i]}"`;
    expect(got).toEqual([
      `${at(0)} is not an image: its bytes are text (it begins "<!DOCTYPE html><html><body><script>alert…"), not JPEG, PNG, WebP, AVIF, GIF or SVG`,
      `${at(1)} is not an image: its bytes are text (it begins "fetch(\\"/data/site.json\\").then((r) => r.t…"), not JPEG, PNG, WebP, AVIF, GIF or SVG`,
      `${at(2)} is not an image: its bytes are text (it begins "Just some words, saved with the wrong na…"), not JPEG, PNG, WebP, AVIF, GIF or SVG`,
      `${at(3)} is not a supported image: its bytes are PDF (application/pdf), not JPEG, PNG, WebP, AVIF, GIF or SVG`,
      `${at(4)} is a PNG image, but its name ends in ".jpg"; rename it to end in .png`,
      expect.stringMatching(
        new RegExp(`^${at(5).replace(/[.[\]()]/g, '\\$&')} cannot be decoded as a PNG image \\(.+\\)$`),
      ),
      expect.stringMatching(
        new RegExp(`^${at(6).replace(/[.[\]()]/g, '\\$&')} cannot be decoded as a GIF image \\(.+\\)$`),
      ),
    ]);
  });

  it('in dev, an article whose image is refused is left out and the image is not served', async () => {
    const dir = folder({
      'images/page.png': '<html><script>alert(1)</script></html>',
      'images/ok.svg': PLAIN_SVG,
      'articles/a.json': { json: article('a', { image: image('images/page.png') }) },
      'articles/b.json': { json: article('b', { image: image('images/ok.svg') }) },
    });
    const dev = await loadContent(dir, 'lenient');
    expect(dev.documents.has('/data/articles/a.json')).toBe(false);
    expect(dev.documents.has('/data/articles/b.json')).toBe(true);
    expect(Object.fromEntries(dev.media)).toEqual({ '/media/images/ok.svg': 'images/ok.svg' });
    expect(dev.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^articles\/a\.json: image\.src: image file "images\/page\.png" is not an image: /),
    ]);
  });

  it('an unsafe SVG is refused, naming what it contains', async () => {
    const dir = folder({
      'images/evil.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">\n<script>alert(2)</script>\n</svg>',
      'articles/a.json': { json: article('a', { image: image('images/evil.svg') }) },
    });
    expect(await lines(dir)).toEqual([
      'articles/a.json: image.src: image file "images/evil.svg" is an SVG that contains an event handler attribute onload= on <svg> (line 1), ' +
        '<script> (line 2); a published SVG must be a drawing only (no script, event handlers, <foreignObject>, javascript: links or references to other files or sites)',
    ]);
  });

  it('an image fixed after a failed check is accepted (a verdict is kept only while the file is unchanged)', async () => {
    const raster = await rasterImages();
    const dir = folder({
      'images/a.png': 'not yet',
      'articles/a.json': { json: article('a', { image: image('images/a.png') }) },
    });
    expect(await lines(dir)).toHaveLength(1);
    folder({ 'images/a.png': raster.png }, dir);
    expect(await lines(dir)).toEqual([]);
    folder({ 'images/a.png': 'broken again, and longer than before' }, dir);
    expect(await lines(dir)).toHaveLength(1);
  });
});
