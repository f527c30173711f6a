// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../build/compile.ts';
import { type Problem, problemsFromZod } from '../../src/model/problems.ts';
import { Article, MAX_TAGS, SiteConfig } from '../../src/model/schema.ts';
import { MAX_SLUG_BYTES } from '../../src/model/slug.ts';

type Json = Record<string, unknown>;

const FILE = 'articles/a.json';

function validArticle(): Json {
  return {
    id: 'valid-article',
    headline: 'A headline',
    byline: [{ name: 'Ada Reporter' }],
    publishedAt: '2025-07-12T18:09:19+05:30',
    sections: [{ blocks: [{ type: 'paragraph', text: 'Body text.' }] }],
  };
}

const withFields = (fields: Json): Json => ({ ...validArticle(), ...fields });
const withoutField = (field: string): Json => {
  const article = validArticle();
  delete article[field];
  return article;
};
const withBlock = (block: Json): Json => withFields({ sections: [{ blocks: [block] }] });
const withImage = (image: Json): Json =>
  withFields({ image: { src: 'images/a.svg', alt: 'A picture', width: 1600, height: 900, ...image } });

function problemsOf(input: unknown): Problem[] {
  const parsed = Article.safeParse(input, { reportInput: true });
  return parsed.success ? [] : problemsFromZod(FILE, parsed.error);
}

function expectAccepted(input: unknown) {
  expect(problemsOf(input)).toEqual([]);
}

/** Rejected with a problem at `path`, optionally with a message matching `message`. */
function expectRejected(input: unknown, path: string, message?: string | RegExp) {
  const problems = problemsOf(input);
  expect(problems.length).toBeGreaterThan(0);
  const atPath = problems.filter((problem) => problem.path === path);
  expect(atPath, `problems: ${JSON.stringify(problems)}`).not.toHaveLength(0);
  for (const problem of problems) expect(problem.file).toBe(FILE);
  if (message !== undefined) {
    expect(atPath.map((problem) => problem.message)).toContainEqual(
      typeof message === 'string' ? message : expect.stringMatching(message),
    );
  }
}

describe('a valid article', () => {
  it('is accepted with only the required fields', () => {
    expectAccepted(validArticle());
  });

  it('is accepted with every optional field', () => {
    expectAccepted(
      withFields({
        aliases: ['old-id', 'older-id-2'],
        standfirst: 'A *summary* with a [link](https://example.com).',
        section: 'World',
        image: {
          src: 'images/world/map.svg',
          alt: 'A map',
          caption: 'The map',
          credit: 'X/@DougAMacgregor',
          width: 1600,
          height: 900,
        },
        byline: [{ name: 'Ada Reporter', role: 'World desk' }, { name: 'Kim Jong Un' }],
        updatedAt: '2025-07-13T00:00:00Z',
        sections: [
          {
            heading: 'First',
            blocks: [
              { type: 'paragraph', text: 'Text' },
              { type: 'quote', text: 'Said', attribution: 'Someone' },
              { type: 'image', src: 'https://cdn.example/a.jpg', alt: 'Alt', width: 1, height: 1 },
              { type: 'list', ordered: true, items: ['One', 'Two'] },
            ],
          },
          { blocks: [{ type: 'list', items: ['Only'] }] },
        ],
        tags: ['North Korea', 'Séoul', '평양'],
        related: ['other-article'],
      }),
    );
  });

  it.each(['id', 'headline', 'byline', 'publishedAt', 'sections'])('requires %s', (field) => {
    expectRejected(withoutField(field), field, 'is required');
  });

  it('rejects a document that is not an object, at the root', () => {
    expectRejected([], '(root)', /must be an object/);
    expectRejected('article', '(root)', /must be an object/);
    expectRejected(null, '(root)', /must be an object/);
  });

  it('names the expected and the actual type for a value of the wrong type', () => {
    expectRejected(withFields({ headline: 42 }), 'headline', 'must be a string, not number 42');
    expectRejected(withFields({ byline: 'Ada' }), 'byline', /must be an array/);
  });
});

describe('id', () => {
  it.each(['a', '1', 'my-article-2', '2025-07-12-lavrov-warns', 'a1-b2-c3'])('accepts %j', (id) => {
    expectAccepted(withFields({ id }));
  });

  it.each(['', 'A', 'My-Article', 'my--article', '-a', 'a-', 'a_b', 'a b', 'a.b', 'séoul', '평양', 'a/b'])(
    'rejects %j',
    (id) => {
      expectRejected(withFields({ id }), 'id', /lower-case letters and digits/);
    },
  );

  it('accepts 120 characters and rejects 121', () => {
    expectAccepted(withFields({ id: 'a'.repeat(120) }));
    expectAccepted(withFields({ id: `${'ab-'.repeat(39)}abc` }));
    expectRejected(withFields({ id: 'a'.repeat(121) }), 'id', 'must be at most 120 characters');
  });

  it.each(['con', 'prn', 'aux', 'nul', 'com0', 'com9', 'lpt1'])('rejects %j, a file name Windows reserves', (id) => {
    expectRejected(
      withFields({ id }),
      'id',
      `"${id}" is a file name Windows reserves (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9), so its page could not be published there`,
    );
    expectRejected(withFields({ aliases: ['fine', id] }), 'aliases[1]', /a file name Windows reserves/);
  });

  it.each(['con-report', 'console', 'com10', 'null', 'lpt'])('accepts %j, which merely starts like one', (id) => {
    expectAccepted(withFields({ id }));
  });

  it('rejects a non-string id', () => {
    expectRejected(withFields({ id: 7 }), 'id', /must be a string/);
  });
});

describe('aliases', () => {
  it('accepts ids of the same pattern', () => {
    expectAccepted(withFields({ aliases: ['old', 'old-2'] }));
    expectAccepted(withFields({ aliases: [] }));
  });

  it('rejects aliases that break the id pattern, each at its own index', () => {
    const problems = problemsOf(withFields({ aliases: ['fine', 'Not_Fine', 'a'.repeat(121)] }));
    expect(problems.map((problem) => problem.path)).toEqual(['aliases[1]', 'aliases[2]']);
  });

  it('must be an array', () => {
    expectRejected(withFields({ aliases: 'old' }), 'aliases', /must be an array/);
  });
});

describe('headline', () => {
  it('accepts 1 and 300 characters', () => {
    expectAccepted(withFields({ headline: 'x' }));
    expectAccepted(withFields({ headline: 'x'.repeat(300) }));
  });

  it('counts characters after trimming', () => {
    expectAccepted(withFields({ headline: `   ${'x'.repeat(300)}   ` }));
  });

  it('rejects 301 characters', () => {
    expectRejected(withFields({ headline: 'x'.repeat(301) }), 'headline', 'must be at most 300 characters');
  });

  it.each(['', '   ', '\n\t '])('rejects empty or whitespace-only %j', (headline) => {
    expectRejected(withFields({ headline }), 'headline', 'must not be empty');
  });
});

describe('standfirst', () => {
  it('accepts 600 characters and rejects 601', () => {
    expectAccepted(withFields({ standfirst: 's'.repeat(600) }));
    expectRejected(withFields({ standfirst: 's'.repeat(601) }), 'standfirst', 'must be at most 600 characters');
  });

  it('counts characters after trimming', () => {
    expectAccepted(withFields({ standfirst: `  ${'s'.repeat(600)}  ` }));
  });
});

describe('image', () => {
  it.each([
    'images/a.svg',
    'a.svg',
    'images/world/deep/a.png',
    './images/a.svg',
    'images/a b.svg',
    'https://cdn.example/a.jpg',
  ])('accepts src %j', (src) => {
    expectAccepted(withImage({ src }));
  });

  it.each(['../a.svg', 'images/../../secret.svg', 'images/..'])('rejects src %j containing ..', (src) => {
    expectRejected(withImage({ src }), 'image.src', `"${src}" must not contain ".."`);
  });

  it.each([
    '/x',
    '/images/a.svg',
    'http://cdn.example/a.jpg',
    'javascript:alert(1)',
    'data:image/svg+xml,<svg/>',
    'file:///etc/passwd',
    'C:/images/a.svg',
    'images\\a.svg',
  ])('rejects src %j that is not relative nor https', (src) => {
    expectRejected(
      withImage({ src }),
      'image.src',
      /must be a path relative to the content folder or an https:\/\/ URL/,
    );
  });

  it('rejects an empty src', () => {
    expectRejected(withImage({ src: '' }), 'image.src');
  });

  it('requires alt, 1 to 300 characters', () => {
    const image = { src: 'images/a.svg', width: 1, height: 1 };
    expectRejected(withFields({ image }), 'image.alt', 'is required');
    expectRejected(withImage({ alt: '' }), 'image.alt', 'must not be empty');
    expectRejected(withImage({ alt: '   ' }), 'image.alt', 'must not be empty');
    expectAccepted(withImage({ alt: 'a'.repeat(300) }));
    expectRejected(withImage({ alt: 'a'.repeat(301) }), 'image.alt', 'must be at most 300 characters');
  });

  it.each(['width', 'height'])('requires %s', (field) => {
    const image: Json = { src: 'images/a.svg', alt: 'A', width: 1, height: 1 };
    delete image[field];
    expectRejected(withFields({ image }), `image.${field}`, 'is required');
  });

  it.each([0, -1, 1.5, '900', null])('rejects width and height of %j', (value) => {
    expectRejected(withImage({ width: value }), 'image.width');
    expectRejected(withImage({ height: value }), 'image.height');
  });

  it('accepts positive integer sizes', () => {
    expectAccepted(withImage({ width: 1, height: 10_000 }));
  });

  it('applies the same rules to image blocks, at the block path', () => {
    const block = { type: 'image', src: '../up.svg', alt: '', width: 0, height: 2 };
    const paths = problemsOf(withBlock(block)).map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining(['sections[0].blocks[0].src', 'sections[0].blocks[0].alt', 'sections[0].blocks[0].width']),
    );
    expect(paths).not.toContain('sections[0].blocks[0].height');
  });
});

describe('byline', () => {
  it('requires at least one author', () => {
    expectRejected(withFields({ byline: [] }), 'byline', 'must name at least one author');
  });

  it('accepts names of 1 and 100 characters, with an optional role', () => {
    expectAccepted(withFields({ byline: [{ name: 'A' }, { name: 'n'.repeat(100), role: 'Editor' }] }));
  });

  it('rejects empty and over-long names', () => {
    expectRejected(withFields({ byline: [{ name: '' }] }), 'byline[0].name', 'must not be empty');
    expectRejected(withFields({ byline: [{ name: '  ' }] }), 'byline[0].name', 'must not be empty');
    expectRejected(
      withFields({ byline: [{ name: 'Ada' }, { name: 'n'.repeat(101) }] }),
      'byline[1].name',
      'must be at most 100 characters',
    );
  });

  it(`rejects a name whose slug is longer than ${MAX_SLUG_BYTES} bytes, or a name Windows reserves`, () => {
    // Cyrillic letters are 2 bytes each: 64 make 128 bytes, 65 make 130.
    expectAccepted(withFields({ byline: [{ name: 'ж'.repeat(64) }] }));
    expectRejected(
      withFields({ byline: [{ name: 'ж'.repeat(65) }] }),
      'byline[0].name',
      'makes a slug of 130 bytes (UTF-8), longer than the 128 allowed, as the slug names files of the site',
    );
    expectRejected(withFields({ byline: [{ name: 'Prn' }] }), 'byline[0].name', /^makes the slug "prn", a file name/);
  });

  it('requires a name', () => {
    expectRejected(withFields({ byline: [{ role: 'Editor' }] }), 'byline[0].name', 'is required');
  });
});

describe('publishedAt and updatedAt', () => {
  it.each([
    '2025-07-12T18:09:19+05:30',
    '2025-07-12T18:09:19Z',
    '2025-07-12T18:09:19-08:00',
    '2025-07-12T18:09:19.123Z',
  ])('accepts %j', (publishedAt) => {
    expectAccepted(withFields({ publishedAt }));
  });

  it.each([
    '2025-07-12T18:09:19',
    '2025-07-12',
    '12 July 2025',
    'yesterday',
    '2025-13-01T00:00:00Z',
    '2025-07-12 18:09:19Z',
    '',
  ])('rejects %j (no offset, date only or not ISO)', (publishedAt) => {
    expectRejected(withFields({ publishedAt }), 'publishedAt', /ISO 8601 date-time with Z or an offset/);
    expectRejected(withFields({ updatedAt: publishedAt }), 'updatedAt', /ISO 8601 date-time with Z or an offset/);
  });

  it('rejects a timestamp number', () => {
    expectRejected(withFields({ publishedAt: 1752323959000 }), 'publishedAt');
  });

  it('accepts updatedAt equal to or later than publishedAt', () => {
    expectAccepted(withFields({ updatedAt: '2025-07-12T18:09:19+05:30' }));
    expectAccepted(withFields({ updatedAt: '2025-07-13T00:00:00Z' }));
  });

  it('compares instants, not strings: the same instant in another offset is not earlier', () => {
    // 18:09:19+05:30 is 12:39:19Z.
    expectAccepted(withFields({ updatedAt: '2025-07-12T12:39:19Z' }));
    expectAccepted(withFields({ updatedAt: '2025-07-12T13:00:00Z' }));
    expectRejected(
      withFields({ updatedAt: '2025-07-12T12:39:18Z' }),
      'updatedAt',
      'must not be earlier than publishedAt',
    );
  });

  it('rejects updatedAt earlier than publishedAt', () => {
    expectRejected(
      withFields({ updatedAt: '2025-07-11T18:09:19+05:30' }),
      'updatedAt',
      'must not be earlier than publishedAt',
    );
  });

  it('reports an earlier updatedAt together with the other problems of the article', () => {
    const problems = problemsOf({ ...withoutField('headline'), updatedAt: '2024-01-01T00:00:00Z' });
    expect(problems.map((problem) => problem.path).sort()).toEqual(['headline', 'updatedAt']);
  });
});

describe('sections and blocks', () => {
  it('requires at least one section', () => {
    expectRejected(withFields({ sections: [] }), 'sections', 'must have at least one section');
  });

  it('requires at least one block in each section', () => {
    expectRejected(
      withFields({ sections: [{ blocks: [{ type: 'paragraph', text: 'x' }] }, { heading: 'Empty', blocks: [] }] }),
      'sections[1].blocks',
      'must have at least one block',
    );
    expectRejected(withFields({ sections: [{ heading: 'No blocks' }] }), 'sections[0].blocks', 'is required');
  });

  it('accepts headings of 1 and 200 characters and rejects empty and 201', () => {
    const section = (heading: string) => ({ sections: [{ heading, blocks: [{ type: 'paragraph', text: 'x' }] }] });
    expectAccepted(withFields(section('H')));
    expectAccepted(withFields(section('h'.repeat(200))));
    expectRejected(withFields(section('')), 'sections[0].heading', 'must not be empty');
    expectRejected(withFields(section('  ')), 'sections[0].heading', 'must not be empty');
    expectRejected(withFields(section('h'.repeat(201))), 'sections[0].heading', 'must be at most 200 characters');
  });

  it.each([
    { type: 'paragraph', text: 'A paragraph' },
    { type: 'quote', text: 'A quote' },
    { type: 'quote', text: 'A quote', attribution: 'Someone' },
    { type: 'image', src: 'images/a.svg', alt: 'Alt', caption: 'Cap', credit: 'Cred', width: 2, height: 3 },
    { type: 'list', items: ['One'] },
    { type: 'list', ordered: false, items: ['One', 'Two'] },
    { type: 'list', ordered: true, items: ['One', '*Two*'] },
  ])('accepts block %j', (block) => {
    expectAccepted(withBlock(block));
  });

  it.each(['video', 'Paragraph', 'html', ''])('rejects unknown block type %j with a message naming it', (type) => {
    const problems = problemsOf(withBlock({ type, text: 'x' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toMatch(/^sections\[0\]\.blocks\[0\]/);
    expect(problems[0]?.message).toContain(JSON.stringify(type));
    expect(problems[0]?.message).toContain('paragraph');
  });

  it('rejects a block without a type', () => {
    expectRejected(withBlock({ text: 'x' }), 'sections[0].blocks[0].type', /unknown block type/);
  });

  it('requires the fields of each block type', () => {
    expectRejected(withBlock({ type: 'paragraph' }), 'sections[0].blocks[0].text', 'is required');
    expectRejected(withBlock({ type: 'quote' }), 'sections[0].blocks[0].text', 'is required');
    expectRejected(withBlock({ type: 'list' }), 'sections[0].blocks[0].items', 'is required');
    expectRejected(
      withBlock({ type: 'image', alt: 'a', width: 1, height: 1 }),
      'sections[0].blocks[0].src',
      'is required',
    );
  });

  it('requires at least one list item', () => {
    expectRejected(
      withBlock({ type: 'list', items: [] }),
      'sections[0].blocks[0].items',
      'must have at least one item',
    );
  });

  it('rejects a non-boolean ordered', () => {
    expectRejected(withBlock({ type: 'list', ordered: 'yes', items: ['a'] }), 'sections[0].blocks[0].ordered');
  });

  it('rejects a field that belongs to another block type', () => {
    expectRejected(
      withBlock({ type: 'paragraph', text: 'x', attribution: 'Someone' }),
      'sections[0].blocks[0].attribution',
      /unknown field/,
    );
  });
});

describe('tags', () => {
  it('accepts labels of 1 and 60 characters in any script', () => {
    expectAccepted(withFields({ tags: ['a', 't'.repeat(60), 'Séoul', '평양', 'US-South Korea-Japan drills'] }));
  });

  it('rejects empty and 61-character labels', () => {
    expectRejected(withFields({ tags: [''] }), 'tags[0]', 'must not be empty');
    expectRejected(withFields({ tags: ['ok', 't'.repeat(61)] }), 'tags[1]', 'must be at most 60 characters');
  });

  it.each(['!!!', '---', '  ·  ', '🙂'])('rejects %j, whose slug is empty', (label) => {
    expectRejected(withFields({ tags: ['fine', label] }), 'tags[1]', /slug/);
  });

  it('must be strings', () => {
    expectRejected(withFields({ tags: [1] }), 'tags[0]', /must be a string/);
  });

  const tags = (count: number) => Array.from({ length: count }, (_, i) => `Tag ${i}`);

  it(`accepts ${MAX_TAGS} tags and rejects ${MAX_TAGS + 1}, or a thousand, saying how many there are`, () => {
    expect(MAX_TAGS).toBe(50);
    expectAccepted(withFields({ tags: tags(MAX_TAGS) }));
    expectRejected(withFields({ tags: tags(MAX_TAGS + 1) }), 'tags', 'must have at most 50 tags, not 51');
    expect(problemsOf(withFields({ tags: tags(1000) }))).toEqual([
      { file: FILE, path: 'tags', message: 'must have at most 50 tags, not 1000' },
    ]);
  });

  it(`accepts a slug of ${MAX_SLUG_BYTES} bytes of UTF-8 and rejects a longer one, as it names files`, () => {
    expect(MAX_SLUG_BYTES).toBe(128);
    // Hangul syllables are 3 bytes each: 42 make 126 bytes, 43 make 129.
    expectAccepted(withFields({ tags: ['평'.repeat(42)] }));
    expectRejected(
      withFields({ tags: ['평'.repeat(43)] }),
      'tags[0]',
      'makes a slug of 129 bytes (UTF-8), longer than the 128 allowed, as the slug names files of the site',
    );
    // One character that NFKD spells as 18 letters and spaces: 10 of them make a 330-byte slug.
    expectRejected(withFields({ tags: ['ﷺ'.repeat(10)] }), 'tags[0]', /makes a slug of 330 bytes/);
  });

  it.each(['CON', 'nul', 'Aux', 'PRN', 'com1', 'LPT9', 'COM¹'])(
    'rejects %j, whose slug is a file name Windows reserves',
    (label) => {
      expectRejected(
        withFields({ tags: ['fine', label] }),
        'tags[1]',
        /^makes the slug "(con|nul|aux|prn|com1|lpt9)", a file name Windows reserves \(CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9\); add a word$/,
      );
    },
  );

  it.each(['Con Air', 'console', 'com10', 'Nul points', 'lpt'])('accepts %j, which merely starts like one', (label) => {
    expectAccepted(withFields({ tags: [label] }));
  });
});

describe('related', () => {
  it('accepts ids', () => {
    expectAccepted(withFields({ related: ['other', 'another-2'] }));
  });

  it('rejects values that are not ids', () => {
    expectRejected(withFields({ related: ['Other Article'] }), 'related[0]');
  });
});

describe('unknown fields', () => {
  it('rejects an unknown top-level field, naming it in the path', () => {
    expectRejected(withFields({ titel: 'Typo' }), 'titel', /unknown field/);
  });

  it('rejects unknown fields at every level, each with its own path', () => {
    const problems = problemsOf(
      withFields({
        subtitle: 'x',
        image: { src: 'images/a.svg', alt: 'A', width: 1, height: 1, captoin: 'typo' },
        byline: [{ name: 'Ada', rol: 'typo' }],
        sections: [{ heading: 'H', heding: 'typo', blocks: [{ type: 'quote', text: 'q', atribution: 'typo' }] }],
      }),
    );
    expect(problems.map((problem) => problem.path).sort()).toEqual(
      ['subtitle', 'image.captoin', 'byline[0].rol', 'sections[0].heding', 'sections[0].blocks[0].atribution'].sort(),
    );
    for (const problem of problems) expect(problem.message).toMatch(/unknown field/);
  });

  it('reports two unknown fields of one object as two problems', () => {
    const paths = problemsOf(withFields({ foo: 1, bar: 2 })).map((problem) => problem.path);
    expect(paths.sort()).toEqual(['bar', 'foo']);
  });

  it('ignores x- fields at the top level and nested', () => {
    expectAccepted(
      withFields({
        'x-workflow': { status: 'draft', anything: [1, 2] },
        'x-cms-id': 42,
        image: { src: 'images/a.svg', alt: 'A', width: 1, height: 1, 'x-original': 'raw.tiff' },
        byline: [{ name: 'Ada', 'x-email': 'ada@example.com' }],
        sections: [
          {
            'x-note': 'n',
            blocks: [
              { type: 'paragraph', text: 'x', 'x-comment': 'c' },
              { type: 'list', items: ['a'], 'x-style': 'dots' },
            ],
          },
        ],
      }),
    );
  });

  it('drops x- fields from the parsed article', () => {
    const parsed = Article.parse(withFields({ 'x-a': 1, byline: [{ name: 'Ada', 'x-b': 2 }] }));
    expect(parsed).not.toHaveProperty('x-a');
    expect(parsed.byline[0]).toEqual({ name: 'Ada' });
  });

  it('does not treat a field that merely contains x- as an extension', () => {
    expectRejected(withFields({ 'my-x-field': 1 }), 'my-x-field', /unknown field/);
    expectRejected(withFields({ X_field: 1 }), 'X_field', /unknown field/);
  });
});

describe('inline link urls', () => {
  const paragraph = (text: string) => withBlock({ type: 'paragraph', text });

  it.each([
    'https://example.com/a?b=c#d',
    'http://example.com',
    'HTTPS://EXAMPLE.COM',
    'mailto:desk@example.com',
    '/articles/other-id',
    '/tags/north-korea',
    '/',
  ])('accepts %j', (url) => {
    expectAccepted(paragraph(`See [the link](${url}).`));
  });

  it.each([
    'javascript:alert',
    'JavaScript:alert',
    'data:text/html,hello',
    'ftp://files.example/a',
    '//evil.example',
    '//evil.example/path',
    'vbscript:msgbox',
    'relative/path',
    'example.com',
    '#anchor',
  ])('rejects %j with the exact message', (url) => {
    expectRejected(
      paragraph(`See [the link](${url}).`),
      'sections[0].blocks[0].text',
      `link url "${url}" is not allowed`,
    );
  });

  it('rejects javascript:alert(1) with the contract message, at the block path', () => {
    const problems = problemsOf(paragraph('Click [here](javascript:alert(1)).'));
    expect(problems).toEqual([
      { file: FILE, path: 'sections[0].blocks[0].text', message: 'link url "javascript:alert(1)" is not allowed' },
    ]);
  });

  it('checks quotes and list items too, at their own paths', () => {
    const problems = problemsOf(
      withFields({
        sections: [
          { blocks: [{ type: 'paragraph', text: 'fine' }] },
          {
            blocks: [
              { type: 'quote', text: '[a](data:x)' },
              { type: 'list', items: ['ok', '[b](ftp://x)'] },
            ],
          },
        ],
      }),
    );
    expect(problems).toEqual([
      { file: FILE, path: 'sections[1].blocks[0].text', message: 'link url "data:x" is not allowed' },
      { file: FILE, path: 'sections[1].blocks[1].items[1]', message: 'link url "ftp://x" is not allowed' },
    ]);
  });

  it('reports every forbidden link of one text', () => {
    const problems = problemsOf(paragraph('[a](data:one) and [b](ftp://two)'));
    expect(problems.map((problem) => problem.message)).toEqual([
      'link url "data:one" is not allowed',
      'link url "ftp://two" is not allowed',
    ]);
  });

  it('does not treat link syntax inside an escaped bracket as a link', () => {
    expectAccepted(paragraph('\\[not a link](javascript:alert)'));
  });
});

describe('$schema', () => {
  it('is allowed at the top level, so an editor can check the file against docs/article.schema.json', () => {
    expectAccepted(withFields({ $schema: '../../docs/article.schema.json' }));
  });

  it('must be a string, and is an unknown field anywhere else', () => {
    expectRejected(withFields({ $schema: 1 }), '$schema', /must be a string/);
    expectRejected(withFields({ byline: [{ name: 'Ada', $schema: 'x' }] }), 'byline[0].$schema', /unknown field/);
  });

  it('is not carried into the compiled article', () => {
    const output = compileContent({
      articles: [{ file: FILE, text: JSON.stringify(withFields({ $schema: '../../docs/article.schema.json' })) }],
      fileExists: () => true,
      mode: 'strict',
    });
    expect(output.problems).toEqual([]);
    expect(output.documents.get('/data/articles/valid-article.json')).not.toContain('$schema');
  });
});

describe('the same rules through compileContent', () => {
  const compileOne = (article: unknown) =>
    compileContent({
      articles: [{ file: FILE, text: JSON.stringify(article) }],
      fileExists: () => true,
      mode: 'strict',
    });

  it('accepts a valid article', () => {
    const output = compileOne(validArticle());
    expect(output.problems).toEqual([]);
    expect(output.stats.articles).toBe(1);
  });

  it('reports schema problems with the file and path', () => {
    const output = compileOne(withFields({ headline: ' ', tags: ['!!!'], extra: true }));
    expect(output.problems.map((problem) => `${problem.file}: ${problem.path}`).sort()).toEqual([
      `${FILE}: extra`,
      `${FILE}: headline`,
      `${FILE}: tags[0]`,
    ]);
  });
});

describe('site.json', () => {
  it('fills in the defaults', () => {
    expect(SiteConfig.parse({})).toEqual({ name: 'Broadsheet', locale: 'en-GB', timeZone: 'UTC' });
  });

  it('accepts known locales and zones and ignores x- fields', () => {
    expect(SiteConfig.parse({ name: 'Ledger', locale: 'en-IN', timeZone: 'Asia/Kolkata', 'x-owner': 'desk' })).toEqual({
      name: 'Ledger',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
    });
  });

  it('rejects an unknown field', () => {
    const parsed = SiteConfig.safeParse({ nmae: 'typo' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(problemsFromZod('site.json', parsed.error).map((p) => p.path)).toEqual(['nmae']);
  });

  it('rejects an unknown time zone', () => {
    const parsed = SiteConfig.safeParse({ timeZone: 'Mars/Olympus_Mons' });
    expect(parsed.success).toBe(false);
  });
});
