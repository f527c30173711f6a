// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileContent, type SourceFile } from '../../build/compile.ts';
import { MAX_RELATED } from '../../build/ranking.ts';
import {
  AllTags,
  ArticleDocument,
  AuthorPage,
  IdShard,
  IndexPage,
  PAGE_SIZE,
  SectionPage,
  SiteDocument,
  TagFacet,
  TagPage,
  TOP_TAG_COUNT,
  TopTags,
  mediaUrl,
} from '../../src/model/compiled.ts';
import { article, type Json } from './articleSource.ts';

/** An ISO instant `days` days after 2025-01-01. */
const day = (days: number) => new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString();

function compile(articles: Json[], fileExists: (path: string) => boolean = () => true) {
  const sources: SourceFile[] = articles.map((value) => ({
    file: `articles/${String(value.id)}.json`,
    text: JSON.stringify(value),
  }));
  const output = compileContent({ articles: sources, fileExists, mode: 'strict' });
  expect(output.problems).toEqual([]);
  return output;
}

function read<T>(documents: Map<string, string>, path: string): T {
  const text = documents.get(path);
  if (text === undefined) throw new Error(`no document at ${path}`);
  return JSON.parse(text) as T;
}

type Output = ReturnType<typeof compile>;
const indexPage = (output: Output, page: number) => read<IndexPage>(output.documents, `/data/index/${page}.json`);
const tagPage = (output: Output, slug: string, page = 1) =>
  read<TagPage>(output.documents, `/data/tags/${slug}/${page}.json`);
const articleDocument = (output: Output, id: string) =>
  read<ArticleDocument>(output.documents, `/data/articles/${id}.json`);
const ids = (items: { id: string }[]) => items.map((item) => item.id);

function relatedOf(output: Output, id: string) {
  const document = articleDocument(output, id);
  if (document.kind !== 'article') throw new Error(`${id} is a redirect`);
  return document.related;
}

describe('index pages', () => {
  it('lists articles newest first, by instant, with ties in id order', () => {
    const output = compile([
      article('oldest', { publishedAt: '2024-01-01T00:00:00Z' }),
      article('c-tie', { publishedAt: '2025-07-12T14:39:19+02:00' }),
      article('b-tie', { publishedAt: '2025-07-12T12:39:19Z' }),
      article('newest', { publishedAt: '2025-07-13T00:00:00Z' }),
      article('a-tie', { publishedAt: '2025-07-12T18:09:19+05:30' }),
      article('late-offset', { publishedAt: '2025-07-12T20:00:00-05:00' }),
    ]);
    // 20:00-05:00 is 01:00Z on the 13th, after "newest".
    expect(ids(indexPage(output, 1).items)).toEqual(['late-offset', 'newest', 'a-tie', 'b-tie', 'c-tie', 'oldest']);
  });

  it(`pages by PAGE_SIZE (${PAGE_SIZE}) and keeps the order across pages`, () => {
    const count = 2 * PAGE_SIZE + 5;
    const all = Array.from({ length: count }, (_, i) =>
      article(`story-${String(i).padStart(3, '0')}`, { publishedAt: day(i % 40) }),
    );
    const output = compile(all);
    const pages = [1, 2, 3].map((page) => indexPage(output, page));
    expect(pages.map((page) => page.items.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 5]);
    for (const [i, page] of pages.entries()) {
      expect(page).toMatchObject({ page: i + 1, pageCount: 3, total: count });
    }
    expect(output.documents.has('/data/index/4.json')).toBe(false);

    const expected = [...all]
      .sort((a, b) => {
        const byDate = Date.parse(String(b.publishedAt)) - Date.parse(String(a.publishedAt));
        return byDate || (String(a.id) < String(b.id) ? -1 : 1);
      })
      .map((value) => String(value.id));
    expect(pages.flatMap((page) => ids(page.items))).toEqual(expected);
  });

  it('has no partial page when the total is a multiple of PAGE_SIZE', () => {
    const output = compile(Array.from({ length: 2 * PAGE_SIZE }, (_, i) => article(`s-${i}`, { publishedAt: day(i) })));
    expect(indexPage(output, 2)).toMatchObject({ page: 2, pageCount: 2, total: 2 * PAGE_SIZE });
    expect(indexPage(output, 2).items).toHaveLength(PAGE_SIZE);
    expect(output.documents.has('/data/index/3.json')).toBe(false);
  });

  it('has one empty page for an empty content folder', () => {
    const output = compile([]);
    expect(indexPage(output, 1)).toEqual({ page: 1, pageCount: 1, total: 0, items: [], pinned: 0 });
    expect(read<TopTags>(output.documents, '/data/tags/top.json')).toEqual({ tags: [], total: 0 });
  });

  it('puts cards on index pages: no body, no related', () => {
    const output = compile([article('a', { standfirst: 'Sum', related: [] })]);
    const [card] = indexPage(output, 1).items;
    expect(card).toMatchObject({ id: 'a', headline: 'Headline a', standfirst: 'Sum' });
    expect(card).not.toHaveProperty('sections');
    expect(card).not.toHaveProperty('related');
  });
});

describe('tags', () => {
  const corpus = () => [
    article('t1', { publishedAt: day(10), tags: ['North Korea', 'Diplomacy', 'Russia'] }),
    article('t2', { publishedAt: day(9), tags: ['north-korea', 'Russia'] }),
    article('t3', { publishedAt: day(8), tags: ['North Korea', 'NORTH KOREA'] }),
    article('t4', { publishedAt: day(7), tags: ['Diplomacy'] }),
    article('t5', { publishedAt: day(6), tags: ['Alpha'] }),
    article('t6', { publishedAt: day(5) }),
  ];

  it('treats labels with the same slug as one tag, counting each article once', () => {
    const page = tagPage(compile(corpus()), 'north-korea');
    expect(page.tag).toEqual({ slug: 'north-korea', label: 'North Korea', count: 3 });
    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 3 });
    expect(ids(page.items)).toEqual(['t1', 't2', 't3']);
  });

  it('has no page for a spelling, only for the slug', () => {
    const output = compile(corpus());
    const tagPaths = [...output.documents.keys()].filter((path) => path.startsWith('/data/tags/')).sort();
    expect(tagPaths).toEqual([
      '/data/tags/all.json',
      '/data/tags/alpha/1.json',
      '/data/tags/diplomacy/1.json',
      '/data/tags/north-korea/1.json',
      '/data/tags/russia/1.json',
      '/data/tags/top.json',
    ]);
  });

  it('lists the tags that occur with a tag, with the number of articles carrying both', () => {
    const page = tagPage(compile(corpus()), 'north-korea');
    expect(page.coTags).toEqual([
      { slug: 'russia', label: 'Russia', count: 2 },
      { slug: 'diplomacy', label: 'Diplomacy', count: 1 },
    ]);
    expect(page.coTagTotal).toBe(2);
  });

  it('lists at most the 24 most frequent tags that occur with a tag, and says how many there are', () => {
    const others = Array.from({ length: 30 }, (_, i) => `Other ${String(i).padStart(2, '0')}`);
    const page = tagPage(
      compile([
        article('wide', { tags: ['Hub', ...others] }),
        article('narrow', { tags: ['Hub', 'Other 29'], publishedAt: day(1) }),
      ]),
      'hub',
    );
    expect(page.coTags).toHaveLength(24);
    expect(page.coTags[0]).toEqual({ slug: 'other-29', label: 'Other 29', count: 2 });
    expect(page.coTagTotal).toBe(30);
  });

  it('writes /data/tags/all.json sorted by count, most used first', () => {
    const { tags } = read<AllTags>(compile(corpus()).documents, '/data/tags/all.json');
    expect(tags).toEqual([
      { slug: 'north-korea', label: 'North Korea', count: 3 },
      { slug: 'diplomacy', label: 'Diplomacy', count: 2 },
      { slug: 'russia', label: 'Russia', count: 2 },
      { slug: 'alpha', label: 'Alpha', count: 1 },
    ]);
    for (let i = 1; i < tags.length; i++) {
      expect((tags[i - 1]?.count ?? 0) >= (tags[i]?.count ?? 0)).toBe(true);
    }
  });

  it('puts the tag count and the top tags into /data/tags/top.json, not into site.json (which every page reads)', () => {
    const { documents } = compile(corpus());
    const top = read<TopTags>(documents, '/data/tags/top.json');
    expect(top.total).toBe(4);
    expect(top.tags.map((tag) => tag.slug)).toEqual(['north-korea', 'diplomacy', 'russia', 'alpha']);
    const site = read<SiteDocument>(documents, '/data/site.json');
    expect(site.pageSize).toBe(PAGE_SIZE);
    expect(Object.keys(site).sort()).toEqual(['locale', 'name', 'pageSize', 'problems', 'sections', 'timeZone']);
  });

  it(`keeps only the ${TOP_TAG_COUNT} most used tags in /data/tags/top.json`, () => {
    const many = Array.from({ length: TOP_TAG_COUNT + 6 }, (_, i) =>
      article(`a${i}`, { publishedAt: day(i), tags: Array.from({ length: i + 1 }, (_, t) => `tag ${t}`) }),
    );
    const top = read<TopTags>(compile(many).documents, '/data/tags/top.json');
    expect(top.total).toBe(TOP_TAG_COUNT + 6);
    expect(top.tags).toHaveLength(TOP_TAG_COUNT);
    expect(top.tags[0]).toMatchObject({ slug: 'tag-0', count: TOP_TAG_COUNT + 6 });
  });

  it('writes a facet whose rows are the other tags of each article, newest first', () => {
    const facet = read<TagFacet>(compile(corpus()).documents, '/data/facets/north-korea.json');
    expect(facet.tag.count).toBe(3);
    const rows = facet.rows.map((row) => row.map((index) => facet.tags[index]?.slug).sort());
    expect(rows).toEqual([['diplomacy', 'russia'], ['russia'], []]);
  });

  it('pages a tag with more than PAGE_SIZE articles', () => {
    const output = compile(
      Array.from({ length: PAGE_SIZE + 5 }, (_, i) => article(`b-${i}`, { publishedAt: day(i), tags: ['Big'] })),
    );
    expect(tagPage(output, 'big', 1)).toMatchObject({ page: 1, pageCount: 2, total: PAGE_SIZE + 5 });
    expect(tagPage(output, 'big', 1).items).toHaveLength(PAGE_SIZE);
    expect(tagPage(output, 'big', 2).items).toHaveLength(5);
    expect(ids(tagPage(output, 'big', 1).items)[0]).toBe(`b-${PAGE_SIZE + 4}`);
    expect(output.documents.has('/data/tags/big/3.json')).toBe(false);
  });

  it('keys a non-Latin slug by its decoded path', () => {
    const output = compile([article('p', { tags: ['평양'] }), article('s', { tags: ['Séoul'] })]);
    expect(tagPage(output, '평양').tag).toEqual({ slug: '평양', label: '평양', count: 1 });
    expect(tagPage(output, 'seoul').tag).toEqual({ slug: 'seoul', label: 'Séoul', count: 1 });
    expect(output.documents.has('/data/facets/평양.json')).toBe(true);
  });
});

describe('authors', () => {
  it('writes an author page with every role, sorted, and the articles newest first', () => {
    const output = compile([
      article('a1', {
        publishedAt: day(3),
        byline: [{ name: 'Ananya Rao', role: 'World desk' }, { name: 'Kim Jong Un' }],
      }),
      article('a2', { publishedAt: day(2), byline: [{ name: 'Ananya Rao', role: 'Correspondent' }] }),
      article('a3', { publishedAt: day(1), byline: [{ name: 'Ananya Rao' }] }),
      article('a4', { publishedAt: day(4), byline: [{ name: 'Someone Else', role: 'Editor' }] }),
    ]);
    const page = read<AuthorPage>(output.documents, '/data/authors/ananya-rao/1.json');
    expect(page.author).toEqual({ slug: 'ananya-rao', name: 'Ananya Rao', roles: ['Correspondent', 'World desk'] });
    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 3 });
    expect(ids(page.items)).toEqual(['a1', 'a2', 'a3']);

    const kim = read<AuthorPage>(output.documents, '/data/authors/kim-jong-un/1.json');
    expect(kim.author).toEqual({ slug: 'kim-jong-un', name: 'Kim Jong Un', roles: [] });
    expect(ids(kim.items)).toEqual(['a1']);
    expect(output.stats.authors).toBe(3);
  });

  it('joins spellings of a name with the same slug and shows the most used one', () => {
    const output = compile([
      article('a1', { publishedAt: day(3), byline: [{ name: 'josé garcía' }] }),
      article('a2', { publishedAt: day(2), byline: [{ name: 'José García' }] }),
      article('a3', { publishedAt: day(1), byline: [{ name: 'José García' }] }),
    ]);
    const page = read<AuthorPage>(output.documents, '/data/authors/jose-garcia/1.json');
    expect(page.author.name).toBe('José García');
    expect(page.total).toBe(3);
  });

  it('counts an author named twice in one byline once', () => {
    const output = compile([article('a1', { byline: [{ name: 'Ada' }, { name: 'ADA' }] })]);
    expect(read<AuthorPage>(output.documents, '/data/authors/ada/1.json').total).toBe(1);
  });
});

describe('articles and aliases', () => {
  it('writes the article without its related ids, and a redirect for each alias', () => {
    const output = compile([
      article('current', { aliases: ['old-id', 'older-id'], related: ['other'], 'x-cms': 1 }),
      article('other'),
    ]);
    const document = articleDocument(output, 'current');
    expect(document.kind).toBe('article');
    if (document.kind === 'article') {
      expect(document.article.id).toBe('current');
      expect(document.article.aliases).toEqual(['old-id', 'older-id']);
      expect(document.article).not.toHaveProperty('related');
      expect(document.article).not.toHaveProperty('x-cms');
    }
    expect(articleDocument(output, 'old-id')).toEqual({ kind: 'redirect', to: 'current' });
    expect(articleDocument(output, 'older-id')).toEqual({ kind: 'redirect', to: 'current' });
  });

  it('does not list aliases as articles', () => {
    const output = compile([article('current', { aliases: ['old-id'] })]);
    expect(ids(indexPage(output, 1).items)).toEqual(['current']);
    expect(output.stats.articles).toBe(1);
  });
});

describe('related articles', () => {
  const topical = (count: number) =>
    Array.from({ length: count }, (_, i) => article(`topical-${i}`, { publishedAt: day(100 - i), tags: ['Topic'] }));

  it(`puts editor picks first, in order, then ranked ones, at most MAX_RELATED (${MAX_RELATED})`, () => {
    const output = compile([
      article('main', { publishedAt: day(100), tags: ['Topic'], related: ['pick-b', 'pick-a-old'] }),
      article('pick-a', { publishedAt: day(1), aliases: ['pick-a-old'] }),
      article('pick-b', { publishedAt: day(2) }),
      ...topical(10),
    ]);
    const related = relatedOf(output, 'main');
    expect(related).toHaveLength(MAX_RELATED);
    expect(related.slice(0, 2).map((card) => [card.id, card.editorsPick, card.reasons])).toEqual([
      ['pick-b', true, ["Editor's pick"]],
      ['pick-a', true, ["Editor's pick"]],
    ]);
    for (const card of related.slice(2)) {
      expect(card.id).toMatch(/^topical-/);
      expect(card.editorsPick).toBe(false);
      expect(card.reasons).toContain('Also tagged Topic');
    }
    expect(new Set(ids(related)).size).toBe(related.length);
    expect(ids(related)).not.toContain('main');
  });

  it('keeps only the first MAX_RELATED editor picks', () => {
    const picks = Array.from({ length: MAX_RELATED + 2 }, (_, i) => article(`p${i}`, { publishedAt: day(i) }));
    const output = compile([article('main', { related: picks.map((p) => String(p.id)).reverse() }), ...picks]);
    const related = relatedOf(output, 'main');
    expect(ids(related)).toEqual(
      picks
        .map((p) => String(p.id))
        .reverse()
        .slice(0, MAX_RELATED),
    );
    expect(related.every((card) => card.editorsPick)).toBe(true);
  });

  it('does not repeat an editor pick among the ranked ones', () => {
    const output = compile([
      article('main', { publishedAt: day(100), tags: ['Topic'], related: ['topical-3'] }),
      ...topical(3 + 1),
    ]);
    const related = relatedOf(output, 'main');
    expect(ids(related)[0]).toBe('topical-3');
    expect(ids(related).filter((id) => id === 'topical-3')).toHaveLength(1);
    expect(related).toHaveLength(4);
  });

  it('has no related articles when nothing is shared', () => {
    const output = compile([
      article('lonely', { byline: [{ name: 'One' }], tags: ['Solo'] }),
      article('other', { byline: [{ name: 'Two' }], tags: ['Else'] }),
    ]);
    expect(relatedOf(output, 'lonely')).toEqual([]);
  });
});

describe('media', () => {
  it('maps every referenced local image, from the lead and from blocks, and no https image', () => {
    const output = compile([
      article('a', {
        image: { src: 'images/lead.svg', alt: 'Lead', width: 1, height: 1 },
        sections: [
          {
            blocks: [
              { type: 'image', src: 'images/maps/Séoul map.svg', alt: 'Map', width: 1, height: 1 },
              { type: 'image', src: 'https://cdn.example/remote.jpg', alt: 'Remote', width: 1, height: 1 },
            ],
          },
        ],
      }),
      article('b', { image: { src: 'images/lead.svg', alt: 'Same', width: 1, height: 1 } }),
    ]);
    expect(Object.fromEntries(output.media)).toEqual({
      '/media/images/lead.svg': 'images/lead.svg',
      '/media/images/maps/Séoul map.svg': 'images/maps/Séoul map.svg',
    });
  });

  it('builds media urls by encoding each path segment, and leaves https urls alone', () => {
    expect(mediaUrl('images/maps/Séoul map.svg')).toBe('/media/images/maps/S%C3%A9oul%20map.svg');
    expect(mediaUrl('https://cdn.example/a.jpg')).toBe('https://cdn.example/a.jpg');
  });
});

describe('id shards', () => {
  it('file every id and alias under its first two characters, leading to its article, sorted', () => {
    const output = compile([
      article('harbour-wall-opens', { aliases: ['old-harbour-id', 'ha-short'] }),
      article('hazard-lights'),
      article('a'),
    ]);
    const shard = (name: string) => JSON.parse(output.documents.get(`/data/ids/${name}.json`) ?? 'null') as IdShard;
    expect(shard('ha').entries.map(({ name, id }) => [name, id])).toEqual([
      ['ha-short', 'harbour-wall-opens'],
      ['harbour-wall-opens', 'harbour-wall-opens'],
      ['hazard-lights', 'hazard-lights'],
    ]);
    expect(shard('ol').entries).toEqual([
      { name: 'old-harbour-id', id: 'harbour-wall-opens', headline: expect.any(String) as string },
    ]);
    expect(shard('a').entries.map(({ name }) => name)).toEqual(['a']);
  });
});

describe('every document', () => {
  it('matches the compiled schemas the app validates against', () => {
    const output = compile([
      article('a', {
        aliases: ['a-old'],
        tags: ['North Korea', '평양'],
        section: 'World',
        byline: [{ name: 'Ananya Rao', role: 'Desk' }],
        image: { src: 'images/a.svg', alt: 'A', width: 1, height: 1 },
        related: ['b'],
      }),
      article('b', { tags: ['North Korea'], section: 'World', publishedAt: day(0) }),
    ]);
    const schemaFor = (path: string) => {
      if (path === '/data/site.json') return SiteDocument;
      if (path === '/data/tags/all.json') return AllTags;
      if (path === '/data/tags/top.json') return TopTags;
      if (path.startsWith('/data/index/')) return IndexPage;
      if (path.startsWith('/data/tags/')) return TagPage;
      if (path.startsWith('/data/facets/')) return TagFacet;
      if (path.startsWith('/data/authors/')) return AuthorPage;
      if (path.startsWith('/data/sections/')) return SectionPage;
      if (path.startsWith('/data/articles/')) return ArticleDocument;
      if (path.startsWith('/data/ids/')) return IdShard;
      throw new Error(`unexpected document ${path}`);
    };
    expect(output.documents.size).toBe(output.stats.documents);
    for (const [path, text] of output.documents) {
      const parsed = schemaFor(path).safeParse(JSON.parse(text));
      expect(parsed.success, `${path}: ${parsed.error?.message}`).toBe(true);
    }
  });
});

describe('a compile that hands each document over as it is made', () => {
  it('hands over exactly the documents it would have returned, and keeps none', () => {
    const articles = [article('a', { tags: ['Rivers'] }), article('b', { tags: ['Rivers'], related: ['a'] })];
    const sources: SourceFile[] = articles.map((value) => ({
      file: `articles/${String(value.id)}.json`,
      text: JSON.stringify(value),
    }));
    const handed = new Map<string, string>();
    const streamed = compileContent({
      articles: sources,
      fileExists: () => true,
      mode: 'strict',
      writeDocument: (path, text) => handed.set(path, text),
    });
    expect(streamed.documents.size).toBe(0);
    const kept = compile(articles).documents;
    expect(handed).toEqual(kept);
    expect(streamed.stats.documents).toBe(kept.size);
  });
});
