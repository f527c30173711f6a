/** `npm run schema`: writes docs/article.schema.json from the zod schema (a test checks it is current). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { articleJsonSchemaText } from '../build/jsonSchema.ts';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/article.schema.json', articleJsonSchemaText());
console.log('Wrote docs/article.schema.json');
