/** A minimal valid article, as authored, for tests that vary one field at a time. */
export type Json = Record<string, unknown>;

export function article(id: string, fields: Json = {}): Json {
  return {
    id,
    headline: `Headline ${id}`,
    byline: [{ name: 'Ada Reporter' }],
    publishedAt: '2025-07-12T18:09:19+05:30',
    sections: [{ blocks: [{ type: 'paragraph', text: 'Body.' }] }],
    ...fields,
  };
}
