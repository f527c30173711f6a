/**
 * A small XML writer for the feeds, in which every piece of text is escaped as it is written. Text from content is
 * hostile: it may hold `]]>`, `<`, quotes or characters XML 1.0 forbids (control characters, lone surrogates,
 * U+FFFE/U+FFFF), and any of them would make a feed ill-formed or let a headline write elements of its own.
 */

/** Characters XML 1.0 does not allow anywhere in a document; removed, since they cannot be escaped. */
const NOT_XML = new RegExp(
  // eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
);

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for XML (and HTML) character data and attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** An element whose content is text (escaped here), or empty. */
export function textElement(name: string, text: string | undefined, attrs: Attributes = {}): string {
  if (text === undefined) return '';
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

/** An element around elements already written with these functions. */
export function parentElement(name: string, children: readonly string[], attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${children.join('')}</${name}>`;
}

/**
 * An element whose content is HTML, as CDATA: the HTML is not escaped a second time (half the cost of a feed at
 * scale). A `]]>` inside is split across two sections, and characters XML forbids are dropped, so no text can end
 * the section early.
 */
export function htmlElement(name: string, html: string | undefined, attrs: Attributes = {}): string {
  if (html === undefined) return '';
  const safe = html.replace(NOT_XML, '').replaceAll(']]>', ']]]]><![CDATA[>');
  return `<${name}${attributes(attrs)}><![CDATA[${safe}]]></${name}>`;
}

export function emptyElement(name: string, attrs: Attributes): string {
  return `<${name}${attributes(attrs)}/>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
