/**
 * Is a text an SVG drawing and nothing more? An SVG opened on its own (a reader following the image URL)
 * is a document: it can run script, load other sites, and show HTML. Published SVGs must be pictures,
 * so anything that can act or fetch is refused, with what and where, and the newsroom re-exports the
 * drawing. Refusing, not cleaning: the file published is the file the editor checked, byte for byte.
 *
 * The text is parsed as XML (saxes: strict and namespace-aware, the parser jsdom uses) the way a browser
 * parses a .svg file, then checked against an allowlist of SVG drawing elements. Elements in other
 * namespaces (an editor's own, such as Inkscape's or RDF metadata) are inert in browsers and allowed,
 * except HTML and MathML, which browsers give behaviour to. Every attribute of every element is checked.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

const SVG = 'http://www.w3.org/2000/svg';
const ACTIVE_NAMESPACES: Record<string, string> = {
  'http://www.w3.org/1999/xhtml': 'an HTML element',
  'http://www.w3.org/1998/Math/MathML': 'a MathML element',
};

/** SVG elements that draw, group, define paint or describe; nothing that runs script or embeds a document. */
const DRAWING_ELEMENTS = new Set(
  [
    'svg g defs symbol use switch view a title desc metadata style',
    'path rect circle ellipse line polyline polygon text tspan textPath',
    'linearGradient radialGradient stop pattern clipPath mask marker image filter',
    'feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting',
    'feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR',
    'feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight',
    'feSpecularLighting feSpotLight feTile feTurbulence',
    'animate animateMotion animateTransform set mpath',
  ]
    .join(' ')
    .split(' '),
);

/** Raster pictures embedded in the file itself (as exported by drawing programs) load nothing. */
const EMBEDDED_RASTER = /^data:image\/(png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i;

export type SvgVerdict =
  { kind: 'not-svg' } | { kind: 'malformed'; reason: string } | { kind: 'svg'; findings: string[] };

/** CSS as a browser reads it: comments dropped, escapes decoded (`u\72l(` is `url(`), lower case. */
function normaliseCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_, digits: string) => {
      const code = parseInt(digits, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/\\(.)/g, '$1')
    .toLowerCase();
}

/** A URL as browsers read it: they drop ASCII whitespace and control characters, so `java\tscript:` runs. */
const stripUrlNoise = (value: string) =>
  [...value]
    .filter((char) => char.charCodeAt(0) > 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .toLowerCase();

/** What in a style sheet or a presentation attribute could fetch or run something. */
function cssFindings(text: string): string[] {
  const css = normaliseCss(text);
  const found: string[] = [];
  if (css.includes('@import')) found.push('@import');
  for (const match of css.matchAll(/url\(\s*(['"]?)\s*([^'")]*)/g)) {
    const target = (match[2] ?? '').trim();
    if (!target.startsWith('#')) found.push(`url(${target.slice(0, 60)})`);
  }
  for (const name of ['image-set(', 'src(', 'expression(', '-moz-binding', 'behavior:']) {
    if (css.includes(name)) found.push(name.replace(/\($/, '()'));
  }
  return found;
}

function attributeFindings(tag: SaxesTagNS): string[] {
  const found: string[] = [];
  const element = tag.name;
  for (const attribute of Object.values(tag.attributes)) {
    const { name, local, uri, value } = attribute;
    if (uri === 'http://www.w3.org/2000/xmlns/' || name === 'xmlns') continue;
    if (/^on/i.test(local)) {
      found.push(`an event handler attribute ${name}= on <${element}>`);
      continue;
    }
    if (name === 'xml:base') {
      found.push(`xml:base on <${element}>, which makes references point elsewhere`);
      continue;
    }
    const url = stripUrlNoise(value);
    if (/(java|vb)script:/.test(url)) {
      found.push(`a ${url.startsWith('vb') ? 'vbscript' : 'javascript'}: link in ${name}= on <${element}>`);
      continue;
    }
    if (local === 'href' || local === 'src') {
      const target = value.trim();
      const embedded = (tag.local === 'image' || tag.local === 'feImage') && EMBEDDED_RASTER.test(target);
      if (!target.startsWith('#') && !embedded) {
        found.push(`a reference to another file or site in ${name}="${target.slice(0, 60)}" on <${element}>`);
      }
      continue;
    }
    if (local === 'attributeName' && /^(on|((\w+:)?(href|src)$))/i.test(value.trim())) {
      found.push(`an animation of ${value.trim()}= on <${element}>`);
      continue;
    }
    for (const css of cssFindings(value)) found.push(`${css} in ${name}= on <${element}>`);
  }
  return found;
}

/** Checks a text that may be an SVG. `findings` lists what it must not contain, each with its line. */
export function checkSvg(text: string): SvgVerdict {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const findings: string[] = [];
  const at = () => ` (line ${parser.line})`;
  let depth = 0;
  let rootIsSvg: boolean | undefined;
  let style: string | undefined;

  parser.on('doctype', (doctype) => {
    // Without an internal subset no entity can be declared, and browsers do not fetch external DTDs.
    if (doctype.includes('[')) findings.push(`a DOCTYPE that declares entities${at()}`);
  });
  parser.on('processinginstruction', (instruction) => {
    findings.push(`a processing instruction <?${instruction.target}?>${at()}`);
  });
  parser.on('opentag', (tag) => {
    if (depth === 0) rootIsSvg = tag.uri === SVG && tag.local === 'svg';
    depth++;
    if (!rootIsSvg) return;
    const active = ACTIVE_NAMESPACES[tag.uri];
    if (active) findings.push(`${active} <${tag.name}>${at()}`);
    else if (tag.uri === SVG && !DRAWING_ELEMENTS.has(tag.local)) findings.push(`<${tag.name}>${at()}`);
    for (const finding of attributeFindings(tag)) findings.push(`${finding}${at()}`);
    if (tag.uri === SVG && tag.local === 'style') style = '';
  });
  const styleText = (text: string) => {
    if (style !== undefined) style += text;
  };
  parser.on('text', styleText);
  parser.on('cdata', styleText);
  parser.on('closetag', (tag) => {
    depth--;
    if (style !== undefined && tag.uri === SVG && tag.local === 'style') {
      for (const css of cssFindings(style)) findings.push(`${css} in <style>${at()}`);
      style = undefined;
    }
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (!rootIsSvg) return { kind: 'not-svg' };
    // What was found before the break says more (an entity declared in a DOCTYPE breaks where it is used).
    if (findings.length > 0) return { kind: 'svg', findings: [...new Set(findings)] };
    const message = error instanceof Error ? error.message : String(error);
    const where = /^(\d+):(\d+): (.*)$/.exec(message);
    const said = where ? `line ${where[1]}, column ${where[2]}: ${where[3]}` : message;
    return { kind: 'malformed', reason: `is not well-formed XML (${said.replace(/\.$/, '')})` };
  }
  if (!rootIsSvg) return { kind: 'not-svg' };
  return { kind: 'svg', findings: [...new Set(findings)] };
}
