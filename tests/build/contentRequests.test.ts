// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { requestsContentFile } from '../../build/contentRequests.ts';

describe('requestsContentFile', () => {
  const root = '/repo';

  it('names requests for the content folder inside the root, however spelled', () => {
    for (const url of [
      '/content/site.json',
      '/content',
      '/content/images/a.svg?raw',
      '/content/images/a.svg#x',
      '//content//images/a.svg',
      '/src/../content/articles/a.json',
      '/%63ontent/articles/a.json',
      '/content%2Fimages%2Fa.svg',
      '/content\\images\\a.svg',
      '/@fs/repo/content/images/a.svg',
      '/%E0%A4%A', // malformed: refused
    ]) {
      expect([url, requestsContentFile(url, root, '/repo/content')]).toEqual([url, true]);
    }
  });

  it('leaves the app, its data and media, and look-alike folders alone', () => {
    for (const url of [
      '/',
      '/data/site.json',
      '/media/images/a.svg',
      '/src/main.tsx',
      '/content-other/x',
      '/@fs/repo/src/x.ts',
    ]) {
      expect([url, requestsContentFile(url, root, '/repo/content')]).toEqual([url, false]);
    }
  });

  it('a content folder outside the root is reachable only through /@fs/, which is refused too', () => {
    expect(requestsContentFile('/srv/news/site.json', root, '/srv/news')).toBe(false);
    expect(requestsContentFile('/@fs/srv/news/site.json', root, '/srv/news')).toBe(true);
  });
});
