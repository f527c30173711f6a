// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleJsonSchema, articleJsonSchemaText } from '../../build/jsonSchema.ts';

const committed = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/article.schema.json');

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

describe('docs/article.schema.json', () => {
  it('is current: it equals articleJsonSchemaText() (run `npm run schema` if not)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(articleJsonSchemaText());
  });

  it('is valid JSON ending with a newline', () => {
    const text = articleJsonSchemaText();
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(articleJsonSchema());
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
