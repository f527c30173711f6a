// @vitest-environment node
/**
 * docs/article.schema.json is what an editor (VS Code, through .vscode/settings.json) checks articles
 * against while they are written. These tests run it through a real JSON Schema validator (Ajv, for the
 * draft the file declares) over real articles: the sample newsroom and the test fixtures must pass, and
 * each invalid fixture the schema can judge must fail for its own reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { articleJsonSchema, articleJsonSchemaText } from '../../build/jsonSchema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const committed = resolve(ROOT, 'docs/article.schema.json');
const INVALID = 'tests/fixtures/e2e-invalid/articles';

type Node = { [key: string]: unknown };

/** Every object node of the schema with additionalProperties: false. */
function closedObjects(node: unknown, path = '#', out: { path: string; node: Node }[] = []) {
  if (Array.isArray(node)) node.forEach((child, i) => closedObjects(child, `${path}/${i}`, out));
  else if (node && typeof node === 'object') {
    const object = node as Node;
    if (object.additionalProperties === false) out.push({ path, node: object });
    for (const [key, child] of Object.entries(object)) closedObjects(child, `${path}/${key}`, out);
  }
  return out;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8'));
const articlesIn = (dir: string) =>
  readdirSync(resolve(ROOT, dir))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));

/** The committed file, compiled as an editor would: strict (unknown keywords are errors), formats checked. */
function compileCommitted() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(readJson('docs/article.schema.json') as Node);
}
const validate = compileCommitted();

function errorsOf(article: unknown): Pick<ErrorObject, 'keyword' | 'instancePath'>[] {
  return validate(article)
    ? []
    : (validate.errors ?? []).map(({ keyword, instancePath }) => ({ keyword, instancePath }));
}

/** An article the schema accepts, to vary one field at a time. */
const valid = () => structuredClone(readJson('tests/fixtures/e2e-invalid/articles/a-valid.json')) as Node;

describe('docs/article.schema.json', () => {
  it('is current: it equals articleJsonSchemaText() (run `npm run schema` if not)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(articleJsonSchemaText());
  });

  it('declares JSON Schema draft 2020-12, is a valid schema of that draft, and ends with a newline', () => {
    expect(readFileSync(committed, 'utf8').endsWith('}\n')).toBe(true);
    const schema = readJson('docs/article.schema.json') as Node;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
  });

  const validArticles = [
    ...articlesIn('content/articles'),
    ...articlesIn('tests/fixtures/content-valid/articles'),
    ...articlesIn('tests/fixtures/app/articles'),
    ...articlesIn('tests/fixtures/hostile/articles'),
    join(INVALID, 'a-valid.json'),
  ];

  it('finds the sample newsroom and the valid fixtures', () => {
    expect(articlesIn('content/articles').length).toBeGreaterThanOrEqual(30);
    expect(validArticles.length).toBeGreaterThanOrEqual(39);
  });

  it.each(validArticles)('accepts %s', (file) => {
    expect(errorsOf(readJson(file))).toEqual([]);
  });

  /** Each invalid fixture the schema can judge, with the keyword and place it must fail on. */
  const REJECTED: [file: string, keyword: string, instancePath: string][] = [
    ['alias-bad-pattern.json', 'pattern', '/aliases/0'],
    ['author-name-empty.json', 'minLength', '/byline/0/name'],
    ['author-name-too-long.json', 'maxLength', '/byline/0/name'],
    // A tagged union: the block matches none of the block types.
    ['block-unknown-type.json', 'oneOf', '/sections/0/blocks/0'],
    ['blocks-empty.json', 'minItems', '/sections/0/blocks'],
    ['byline-empty.json', 'minItems', '/byline'],
    ['headline-missing.json', 'required', ''],
    ['headline-too-long.json', 'maxLength', '/headline'],
    ['id-bad-pattern.json', 'pattern', '/id'],
    ['id-too-long.json', 'maxLength', '/id'],
    ['image-alt-missing.json', 'required', '/image'],
    ['image-alt-too-long.json', 'maxLength', '/image/alt'],
    ['image-width-fraction.json', 'type', '/image/width'],
    ['image-width-zero.json', 'exclusiveMinimum', '/image/width'],
    ['list-no-items.json', 'minItems', '/sections/0/blocks/0/items'],
    ['published-bad.json', 'format', '/publishedAt'],
    ['published-no-offset.json', 'pattern', '/publishedAt'],
    ['section-heading-empty.json', 'minLength', '/sections/0/heading'],
    ['sections-empty.json', 'minItems', '/sections'],
    ['standfirst-too-long.json', 'maxLength', '/standfirst'],
    ['tag-too-long.json', 'maxLength', '/tags/1'],
    ['unknown-field.json', 'additionalProperties', ''],
  ];

  it.each(REJECTED)('rejects %s: %s at "%s"', (file, keyword, instancePath) => {
    expect(errorsOf(readJson(join(INVALID, file)))).toContainEqual({ keyword, instancePath });
  });

  /**
   * What a JSON Schema cannot say, and `npm run check-content` reports: other files (duplicate ids and
   * aliases, unknown related ids, missing images), rules over the text (trimmed emptiness, slugs, the
   * inline links, image paths), one field against another, and a file that is not JSON at all.
   */
  const BEYOND_THE_SCHEMA = [
    'a-valid.json',
    'alias-clash.json',
    'headline-empty.json',
    'id-duplicate.json',
    'image-block-missing-file.json',
    'image-dotdot.json',
    'image-http.json',
    'image-missing-file.json',
    'invalid-json.json',
    'link-data.json',
    'link-in-standfirst.json',
    'link-javascript.json',
    'link-protocol-relative.json',
    'related-unknown.json',
    'tag-empty-slug.json',
    'updated-before-published.json',
  ];

  it('has an expectation for every invalid fixture, and accepts those beyond the schema', () => {
    const judged = [...REJECTED.map(([file]) => file), ...BEYOND_THE_SCHEMA].sort();
    expect(judged).toEqual(readdirSync(resolve(ROOT, INVALID)).sort());
    for (const file of BEYOND_THE_SCHEMA.filter((name) => name !== 'invalid-json.json')) {
      expect(errorsOf(readJson(join(INVALID, file))), file).toEqual([]);
    }
  });

  it('accepts x- fields at the top level and in nested objects', () => {
    const article = valid();
    article['x-cms-id'] = 42;
    const sections = article.sections as { blocks: Node[] }[];
    const block = sections[0]?.blocks[0];
    if (!block) throw new Error('the valid fixture has no block');
    block['x-note'] = 'checked';
    expect(errorsOf(article)).toEqual([]);
  });

  it('rejects an unknown field in a nested object (a block)', () => {
    const article = valid();
    const block = (article.sections as { blocks: Node[] }[])[0]?.blocks[0];
    if (!block) throw new Error('the valid fixture has no block');
    block.note = 'not a field';
    expect(errorsOf(article)).toContainEqual({ keyword: 'oneOf', instancePath: '/sections/0/blocks/0' });
    expect(errorsOf(article)).toContainEqual({ keyword: 'additionalProperties', instancePath: '/sections/0/blocks/0' });
  });
});

describe('articleJsonSchema', () => {
  const schema = articleJsonSchema();

  it('describes an object with the required fields of the contract', () => {
    expect(schema.type).toBe('object');
    expect([...(schema.required as string[])].sort()).toEqual(['byline', 'headline', 'id', 'publishedAt', 'sections']);
    expect(Object.keys(schema.properties as Node).sort()).toEqual(
      [
        '$schema',
        'aliases',
        'byline',
        'headline',
        'id',
        'image',
        'publishedAt',
        'related',
        'section',
        'sections',
        'standfirst',
        'tags',
        'updatedAt',
      ].sort(),
    );
  });

  it('rejects unknown fields but allows x- fields at the top level', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.patternProperties).toEqual({ '^x-': {} });
  });

  it('allows x- fields in every closed nested object too', () => {
    const closed = closedObjects(schema);
    // The article, the image, an author, a section and four block types at least.
    expect(closed.length).toBeGreaterThanOrEqual(8);
    for (const { path, node } of closed) expect(node.patternProperties, path).toEqual({ '^x-': {} });
  });

  it('carries the id pattern and length limits', () => {
    const properties = schema.properties as Record<string, Node>;
    expect(properties.id).toMatchObject({ type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 });
    expect(properties.headline).toMatchObject({ minLength: 1, maxLength: 300 });
    expect(properties.standfirst).toMatchObject({ maxLength: 600 });
  });

  it('has an $id and a title', () => {
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.title).toMatch(/Broadsheet article/);
  });
});
