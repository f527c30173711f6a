// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSvg } from '../../build/svgSafety.ts';

const SVG_OPEN =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 8 6">';
const svg = (body: string) => `${SVG_OPEN}${body}</svg>`;

/** [what the payload is, the SVG, a fragment the finding must contain]. */
const PAYLOADS: [string, string, string][] = [
  ['a script element', svg('<script>alert(1)</script>'), '<script> (line 1)'],
  ['a script with CDATA on a later line', svg('\n\n<script><![CDATA[alert(1)]]></script>'), '<script> (line 3)'],
  [
    'an onload attribute',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    'event handler attribute onload= on <svg>',
  ],
  ['an upper-case handler on a shape', svg('<rect ONCLICK="alert(1)"/>'), 'event handler attribute ONCLICK= on <rect>'],
  [
    'foreignObject',
    svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'),
    '<foreignObject>',
  ],
  ['an HTML element inside', svg('<div xmlns="http://www.w3.org/1999/xhtml">x</div>'), 'an HTML element <div>'],
  [
    'an HTML script by prefix',
    svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
    'an HTML element <h:script>',
  ],
  ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>'), 'a javascript: link in href= on <a>'],
  [
    'a javascript: link spelled with entities',
    svg('<a href="&#106;ava&#9;script:alert(1)"><rect/></a>'),
    'a javascript: link in href= on <a>',
  ],
  [
    'an xlink:href to another site',
    svg('<use xlink:href="https://evil/x.svg#a"/>'),
    'reference to another file or site in xlink:href="https://evil/x.svg#a" on <use>',
  ],
  [
    'a use href to http',
    svg('<use href="http://evil/sprite.svg#icon"/>'),
    'href="http://evil/sprite.svg#icon" on <use>',
  ],
  [
    'an image from another file',
    svg('<image href="../secret.png" width="8" height="6"/>'),
    'href="../secret.png" on <image>',
  ],
  [
    'an embedded SVG document',
    svg('<image href="data:image/svg+xml;base64,PHN2Zz4=" width="8" height="6"/>'),
    'href="data:image/svg+xml;base64,PHN2Zz4=" on <image>',
  ],
  ['@import in a style element', svg('<style>@import url(https://evil/x.css);</style>'), '@import in <style>'],
  [
    'url(http…) in a style element',
    svg('<style>rect { fill: url(http://evil/x.svg#p) }</style>'),
    'url(http://evil/x.svg#p) in <style>',
  ],
  [
    'a CSS-escaped url(',
    svg('<style>rect { background: u\\72l(https://evil/x.png) }</style>'),
    'url(https://evil/x.png) in <style>',
  ],
  [
    'a CSS-escaped @import in CDATA',
    svg('<style><![CDATA[@\\69mport "https://evil/x.css";]]></style>'),
    '@import in <style>',
  ],
  [
    'image-set()',
    svg('<style>rect { background: image-set("https://evil/x.png" 1x) }</style>'),
    'image-set() in <style>',
  ],
  [
    'url() in a style attribute',
    svg('<rect style="fill: url(\'https://evil/x#g\')"/>'),
    'url(https://evil/x#g) in style= on <rect>',
  ],
  [
    'url() in a presentation attribute',
    svg('<rect filter="url(https://evil/f.svg#blur)"/>'),
    'url(https://evil/f.svg#blur) in filter= on <rect>',
  ],
  [
    'an entity declared in the DOCTYPE',
    '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + svg('<text>&x;</text>'),
    'a DOCTYPE that declares entities',
  ],
  [
    'billion laughs',
    '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' + svg('<text>&b;</text>'),
    'a DOCTYPE that declares entities',
  ],
  [
    'an xml-stylesheet instruction',
    '<?xml-stylesheet href="https://evil/x.css"?>' + svg(''),
    'a processing instruction <?xml-stylesheet?>',
  ],
  [
    'an animation that sets a link',
    svg('<a href="#x"><set attributeName="href" to="#y"/><rect/></a>'),
    'an animation of href= on <set>',
  ],
  [
    'an animation to javascript:',
    svg('<a><animate attributeName="xlink:href" values="javascript:alert(1)"/></a>'),
    'javascript: link in values= on <animate>',
  ],
  ['xml:base', svg('<use xml:base="https://evil/" href="#a"/>'), 'xml:base on <use>'],
  ['an iframe in the SVG namespace', svg('<iframe src="https://evil/"/>'), '<iframe>'],
];

describe('checkSvg refuses what can run or fetch', () => {
  it.each(PAYLOADS)('%s', (_, text, fragment) => {
    const verdict = checkSvg(text);
    expect(verdict.kind).toBe('svg');
    if (verdict.kind === 'svg') expect(verdict.findings.join('; ')).toContain(fragment);
  });

  it('an entity the file does not declare is not expanded: the SVG is malformed', () => {
    const verdict = checkSvg(svg('<text>&xxe;</text>'));
    expect(verdict).toEqual({ kind: 'malformed', reason: expect.stringContaining('undefined entity') as string });
  });
});

describe('checkSvg accepts drawings', () => {
  const sample = resolve(dirname(fileURLToPath(import.meta.url)), '../../content/images');
  const drawings = readdirSync(sample, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.svg'));

  it.each(drawings)('the sample newsroom’s %s', (file) => {
    expect(checkSvg(readFileSync(join(sample, file), 'utf8'))).toEqual({ kind: 'svg', findings: [] });
  });

  it('local references, gradients, styles, links inside the drawing, embedded rasters, editor metadata', () => {
    const text =
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' +
      '<!-- made in a drawing program -->\n' +
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"' +
      ' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 8 6">' +
      '<sodipodi:namedview pagecolor="#ffffff"/>' +
      '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>' +
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>' +
      '<symbol id="s"><rect width="1" height="1"/></symbol></defs>' +
      '<style>.a { fill: url(#g); } .b { fill: url( "#g" ) }</style>' +
      '<rect class="a" width="8" height="6" style="stroke: url(#g)" filter="url(#f)"/>' +
      '<use href="#s"/><use xlink:href="#s"/><a href="#s"><text>Go</text></a>' +
      '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>' +
      '</svg>';
    expect(checkSvg(text)).toEqual({ kind: 'svg', findings: [] });
  });
});

describe('checkSvg tells other text apart', () => {
  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body><svg xmlns="http://www.w3.org/2000/svg"/></body></html>'],
    ['script', 'alert(document.cookie)'],
    ['plain text', 'A caption, saved as .svg'],
    ['XML that is not SVG', '<?xml version="1.0"?><feed/>'],
    ['an svg element outside the SVG namespace', '<svg onload="alert(1)"/>'],
  ])('%s is not an SVG', (_, text) => {
    expect(checkSvg(text)).toEqual({ kind: 'not-svg' });
  });

  it('a broken SVG says where it breaks', () => {
    expect(checkSvg(`${SVG_OPEN}\n<rect>\n</svg>`)).toEqual({
      kind: 'malformed',
      reason: expect.stringMatching(/^is not well-formed XML \(line 3, column \d+: unexpected close tag\)$/) as string,
    });
  });
});
