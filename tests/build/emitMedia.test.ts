// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitMedia } from '../../build/compile/emitMedia.ts';
import { article } from './articleSource.ts';
import { corpusOf } from './corpusOf.ts';

const image = (src: string) => ({ src, alt: 'A', width: 1, height: 1 });

describe('emitMedia', () => {
  it('maps the served path of every local image, lead and block, once, and no https image', () => {
    const media = emitMedia(
      corpusOf([
        article('a', {
          image: image('images/lead.svg'),
          sections: [
            {
              blocks: [
                { type: 'image', ...image('images/Séoul map.svg') },
                { type: 'image', ...image('https://cdn.example/x.jpg') },
              ],
            },
          ],
        }),
        article('b', { image: image('images/lead.svg') }),
      ]),
    );
    expect(Object.fromEntries(media)).toEqual({
      '/media/images/lead.svg': 'images/lead.svg',
      '/media/images/Séoul map.svg': 'images/Séoul map.svg',
    });
  });
});
