// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pageList } from '../../build/compile/pageList.ts';
import { compileContent } from '../../build/compile.ts';
import { article } from './articleSource.ts';
import { corpusOf } from './corpusOf.ts';

describe('pageList', () => {
  it('names the front page, every article (no alias), and the first page of every tag, author and section', () => {
    const pages = pageList(
      corpusOf([
        article('b', { aliases: ['b-old'], tags: ['평양', 'Russia'], byline: [{ name: 'José García' }] }),
        article('a', { tags: ['Russia'], section: 'Business' }),
        article('c', { section: 'World & Nation' }),
      ]),
    );
    expect(pages).toEqual({
      front: ['/'],
      article: ['/articles/a', '/articles/b', '/articles/c'],
      tag: ['/tags/russia', '/tags/%ED%8F%89%EC%96%91'],
      author: ['/authors/ada-reporter', '/authors/jose-garcia'],
      section: ['/sections/business', '/sections/world-nation'],
    });
  });

  it('comes back from the compiler, and is empty when a strict compile fails', () => {
    const source = (value: ReturnType<typeof article>) => ({
      file: `articles/${String(value.id)}.json`,
      text: JSON.stringify(value),
    });
    const good = compileContent({ articles: [source(article('a'))], fileExists: () => true, mode: 'strict' });
    expect(good.pages).toEqual({
      front: ['/'],
      article: ['/articles/a'],
      tag: [],
      author: ['/authors/ada-reporter'],
      section: [],
    });
    const bad = compileContent({
      articles: [source(article('a')), source(article('b', { headline: '' }))],
      fileExists: () => true,
      mode: 'strict',
    });
    expect(bad.pages).toEqual({ front: [], article: [], tag: [], author: [], section: [] });
  });
});
