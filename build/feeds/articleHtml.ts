/**
 * An article's full text as HTML for feed readers, built from its blocks with the app's own inline parser
 * (src/model/inline.ts): every piece of text is escaped, a link keeps only the schemes the contract allows (the
 * parser drops any other to its label), and site paths and media become absolute on the site's origin, since a
 * feed is read away from the site.
 *
 * Why not renderToStaticMarkup of the app's block components: they render for the app (router links that
 * prefetch, `<picture>` with WebP variants at site paths, lazy loading, Tailwind classes), need the router and
 * the query cache around them, and would bring React into the Node build for markup a feed reader mostly
 * strips. This walks the same parsed inline tree, and the switch over block types is exhaustive, so a new block
 * type fails type-checking here until feeds render it too.
 */
import { type InlineNode, parseInline } from '../../src/model/inline.ts';
import { mediaUrl } from '../../src/model/paths.ts';
import { escapeXml } from './xml.ts';
import type { Block, Image, Section } from '../../src/model/schema.ts';

/** A site path (or an absolute URL, kept) made absolute on `origin`. */
export function absoluteOn(origin: string, url: string): string {
  return url.startsWith('/') ? `${origin}${url}` : url;
}

function inlineHtml(nodes: readonly InlineNode[], origin: string): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeXml(node.text);
        case 'emphasis':
          return `<em>${inlineHtml(node.children, origin)}</em>`;
        case 'strong':
          return `<strong>${inlineHtml(node.children, origin)}</strong>`;
        case 'link':
          return `<a href="${escapeXml(absoluteOn(origin, node.url))}">${inlineHtml(node.children, origin)}</a>`;
      }
    })
    .join('');
}

/** Inline text (a paragraph, a standfirst) as HTML. */
export function inlineTextHtml(text: string, origin: string): string {
  return inlineHtml(parseInline(text).nodes, origin);
}

function figureHtml(image: Image, origin: string): string {
  const img = `<img src="${escapeXml(absoluteOn(origin, mediaUrl(image.src)))}" alt="${escapeXml(image.alt)}" width="${image.width}" height="${image.height}">`;
  const caption = [image.caption, image.credit && `Credit: ${image.credit}`].filter(Boolean).join(' ');
  return `<figure>${img}${caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : ''}</figure>`;
}

function blockHtml(block: Block, origin: string): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineTextHtml(block.text, origin)}</p>`;
    case 'quote': {
      const quote = `<blockquote><p>${inlineTextHtml(block.text, origin)}</p></blockquote>`;
      return block.attribution
        ? `<figure>${quote}<figcaption>— <cite>${escapeXml(block.attribution)}</cite></figcaption></figure>`
        : quote;
    }
    case 'image':
      return figureHtml(block, origin);
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inlineTextHtml(item, origin)}</li>`).join('')}</${tag}>`;
    }
  }
}

/** The article's body as a feed item's content: the lead image first, then each section's heading and blocks. */
export function articleHtml(article: { image?: Image; sections: readonly Section[] }, origin: string): string {
  const lead = article.image ? figureHtml(article.image, origin) : '';
  const body = article.sections
    .map(
      (section) =>
        (section.heading ? `<h2>${escapeXml(section.heading)}</h2>` : '') +
        section.blocks.map((block) => blockHtml(block, origin)).join(''),
    )
    .join('');
  return lead + body;
}
