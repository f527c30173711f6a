/** The editor-facing JSON Schema of an article, generated from the one zod schema. */
import { z } from 'zod';
import { ArticleFields } from '../src/model/schema.ts';

type JsonObject = { [key: string]: unknown };

/** Strict objects still accept the authors' own `x-` fields, as the validator does. */
function allowExtensionFields(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(allowExtensionFields);
  if (!node || typeof node !== 'object') return;
  const object = node as JsonObject;
  if (object.additionalProperties === false) object.patternProperties = { '^x-': {} };
  Object.values(object).forEach(allowExtensionFields);
}

export function articleJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(ArticleFields, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  allowExtensionFields(schema);
  return {
    ...schema,
    $id: 'https://broadsheet.invalid/schemas/article-v1.json',
    title: 'Broadsheet article (content format version 1)',
    description:
      'One article of a Broadsheet content folder (CONTENT_DIR/articles/*.json). Generated from src/model/schema.ts by `npm run schema`; do not edit by hand. Cross-file rules (unique ids, known related ids, existing image files) are checked by `npm run check-content`.',
  };
}

export function articleJsonSchemaText(): string {
  return `${JSON.stringify(articleJsonSchema(), null, 2)}\n`;
}
