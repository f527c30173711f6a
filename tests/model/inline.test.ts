// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyUrl, inlineToPlainText, type InlineNode, parseInline, plainText } from '../../src/model/inline.ts';

const text = (value: string): InlineNode => ({ type: 'text', text: value });
const nodes = (input: string) => parseInline(input).nodes;

describe('parseInline', () => {
  it('parses plain text to one text node', () => {
    expect(parseInline('Just words, (parens) and "quotes".')).toEqual({
      nodes: [text('Just words, (parens) and "quotes".')],
      problems: [],
    });
  });

  it('parses the empty string to nothing', () => {
    expect(parseInline('')).toEqual({ nodes: [], problems: [] });
  });

  it('parses *emphasis*', () => {
    expect(nodes('a *b* c')).toEqual([text('a '), { type: 'emphasis', children: [text('b')] }, text(' c')]);
  });

  it('parses **strong**', () => {
    expect(nodes('a **b** c')).toEqual([text('a '), { type: 'strong', children: [text('b')] }, text(' c')]);
  });

  it('parses strong nested in emphasis', () => {
    expect(nodes('*a **b** c*')).toEqual([
      {
        type: 'emphasis',
        children: [text('a '), { type: 'strong', children: [text('b')] }, text(' c')],
      },
    ]);
  });

  it('parses emphasis nested in strong', () => {
    expect(nodes('**a *b* c**')).toEqual([
      {
        type: 'strong',
        children: [text('a '), { type: 'emphasis', children: [text('b')] }, text(' c')],
      },
    ]);
  });

  it('parses several marks in a row', () => {
    expect(nodes('*a* and **b**')).toEqual([
      { type: 'emphasis', children: [text('a')] },
      text(' and '),
      { type: 'strong', children: [text('b')] },
    ]);
  });

  it('parses an external link', () => {
    expect(parseInline('See [the report](https://example.com/r?a=1).')).toEqual({
      nodes: [
        text('See '),
        { type: 'link', url: 'https://example.com/r?a=1', internal: false, children: [text('the report')] },
        text('.'),
      ],
      problems: [],
    });
  });

  it('parses an internal link to a site path', () => {
    expect(nodes('[other](/articles/other-id)')).toEqual([
      { type: 'link', url: '/articles/other-id', internal: true, children: [text('other')] },
    ]);
  });

  it('parses mailto and http links as external', () => {
    expect(nodes('[desk](mailto:desk@example.com)')).toEqual([
      { type: 'link', url: 'mailto:desk@example.com', internal: false, children: [text('desk')] },
    ]);
    expect(nodes('[old](http://example.com)')).toEqual([
      { type: 'link', url: 'http://example.com', internal: false, children: [text('old')] },
    ]);
  });

  it('parses marks inside a link label', () => {
    expect(nodes('[a **bold** and *em* label](https://example.com)')).toEqual([
      {
        type: 'link',
        url: 'https://example.com',
        internal: false,
        children: [
          text('a '),
          { type: 'strong', children: [text('bold')] },
          text(' and '),
          { type: 'emphasis', children: [text('em')] },
          text(' label'),
        ],
      },
    ]);
  });

  it('parses a link inside strong', () => {
    expect(nodes('**[x](/a)**')).toEqual([
      { type: 'strong', children: [{ type: 'link', url: '/a', internal: true, children: [text('x')] }] },
    ]);
  });

  it('does not nest a link inside a link label: the first closing bracket ends the label', () => {
    expect(nodes('[outer [inner](/a) text](/b)')).toEqual([
      { type: 'link', url: '/a', internal: true, children: [text('outer [inner')] },
      text(' text](/b)'),
    ]);
  });

  it('reports a forbidden url and shows only the label, as text', () => {
    expect(parseInline('Click [here](data:text/html,x) now')).toEqual({
      nodes: [text('Click '), text('here'), text(' now')],
      problems: ['link url "data:text/html,x" is not allowed'],
    });
  });

  it('never produces a link node with a forbidden url', () => {
    for (const url of ['javascript:alert', '//evil.example', 'ftp://x', 'data:x', 'vbscript:x']) {
      const result = parseInline(`[x](${url})`);
      expect(JSON.stringify(result.nodes)).not.toContain('"type":"link"');
      expect(result.problems).toEqual([`link url "${url}" is not allowed`]);
    }
  });

  it('reads a url with balanced parentheses whole', () => {
    expect(parseInline('[x](javascript:alert(1)) after')).toEqual({
      nodes: [text('x'), text(' after')],
      problems: ['link url "javascript:alert(1)" is not allowed'],
    });
    expect(nodes('[Foo](https://en.wikipedia.org/wiki/Foo_(bar)).')).toEqual([
      { type: 'link', url: 'https://en.wikipedia.org/wiki/Foo_(bar)', internal: false, children: [text('Foo')] },
      text('.'),
    ]);
  });

  describe('escapes', () => {
    it.each([
      ['\\*not emphasis\\*', '*not emphasis*'],
      ['\\*\\*not strong\\*\\*', '**not strong**'],
      ['\\[not a link\\](https://example.com)', '[not a link](https://example.com)'],
      ['a \\\\ b', 'a \\ b'],
      ['\\\\*em*', '\\em'],
    ])('%j is shown as %j', (input, shown) => {
      expect(plainText(input)).toBe(shown);
    });

    it('an escaped star is text and does not open emphasis', () => {
      expect(nodes('\\*a*')).toEqual([text('*a*')]);
    });

    it('an escaped backslash does not escape the following star', () => {
      expect(nodes('\\\\*a*')).toEqual([text('\\'), { type: 'emphasis', children: [text('a')] }]);
    });

    it('an escaped bracket inside a label is part of the label', () => {
      expect(nodes('[a \\] b](/x)')).toEqual([{ type: 'link', url: '/x', internal: true, children: [text('a ] b')] }]);
    });

    it('an escaped star inside emphasis does not close it', () => {
      expect(nodes('*a \\* b*')).toEqual([{ type: 'emphasis', children: [text('a * b')] }]);
    });

    it('a backslash before any other character stays as typed', () => {
      expect(nodes('C:\\path\\n')).toEqual([text('C:\\path\\n')]);
      expect(nodes('end\\')).toEqual([text('end\\')]);
    });
  });

  describe('malformed markup stays text', () => {
    it.each([
      '*unclosed emphasis',
      '**unclosed strong',
      'a ** b',
      '**',
      '*',
      '[unclosed label',
      '[label] (https://example.com)',
      '[label](https://example.com',
      '[label]()',
      '[](https://example.com)',
      '[label](has space)',
    ])('%j', (input) => {
      const result = parseInline(input);
      expect(result.problems).toEqual([]);
      expect(JSON.stringify(result.nodes)).not.toContain('"type":"link"');
      expect(inlineToPlainText(result.nodes).length).toBeGreaterThan(0);
    });

    it('keeps every character of unclosed markup', () => {
      expect(plainText('*unclosed')).toBe('*unclosed');
      expect(plainText('**unclosed')).toBe('**unclosed');
      expect(plainText('[label](https://example.com')).toBe('[label](https://example.com');
      expect(plainText('[label] (x)')).toBe('[label] (x)');
    });
  });

  describe('HTML is text', () => {
    it('keeps a script tag verbatim as text', () => {
      expect(parseInline('<script>alert("x")</script>')).toEqual({
        nodes: [text('<script>alert("x")</script>')],
        problems: [],
      });
    });

    it('keeps tags and entities as typed, around marks', () => {
      expect(nodes('<b>bold</b> *&amp;* <img src=x onerror=alert(1)>')).toEqual([
        text('<b>bold</b> '),
        { type: 'emphasis', children: [text('&amp;')] },
        text(' <img src=x onerror=alert(1)>'),
      ]);
    });

    it('does not interpret other markup (Markdown headings, code, underscores)', () => {
      expect(nodes('# Title `code` _under_ ~~strike~~')).toEqual([text('# Title `code` _under_ ~~strike~~')]);
    });
  });

  describe('properties', () => {
    it('never throws, and gives nodes and problems, for any string', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (input) => {
          const result = parseInline(input);
          expect(Array.isArray(result.nodes)).toBe(true);
          expect(Array.isArray(result.problems)).toBe(true);
        }),
        { numRuns: 500 },
      );
    });

    it('never throws on strings made of markup characters', () => {
      const markup = fc.string({
        unit: fc.constantFrom('*', '[', ']', '(', ')', '\\', 'a', ' ', '/', 'javascript:', 'https://x'),
        maxLength: 40,
      });
      fc.assert(
        fc.property(markup, (input) => {
          const result = parseInline(input);
          for (const problem of result.problems) expect(problem).toMatch(/^link url ".*" is not allowed$/s);
        }),
        { numRuns: 1000 },
      );
    });

    it('the plain text of a string without *, [, ] or \\ is the string itself', () => {
      const plain = fc.string({ unit: 'binary', maxLength: 80 }).map((value) => value.replace(/[*[\]\\]/g, ''));
      fc.assert(
        fc.property(plain, (input) => {
          expect(plainText(input)).toBe(input);
          expect(parseInline(input).problems).toEqual([]);
        }),
        { numRuns: 500 },
      );
    });

    it('escaping every special character gives back the string as text', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 60 }), (input) => {
          const escaped = input.replace(/[*[\]\\]/g, (c) => `\\${c}`);
          expect(plainText(escaped)).toBe(input);
        }),
        { numRuns: 500 },
      );
    });
  });
});

describe('inlineToPlainText', () => {
  it('drops the marks and keeps the words', () => {
    expect(plainText('A *very* **bold** [claim](https://example.com) about *[this](/x)*.')).toBe(
      'A very bold claim about this.',
    );
  });

  it('flattens hand-built trees', () => {
    expect(
      inlineToPlainText([
        text('a'),
        { type: 'strong', children: [text('b'), { type: 'emphasis', children: [text('c')] }] },
        { type: 'link', url: '/x', internal: true, children: [text('d')] },
      ]),
    ).toBe('abcd');
  });

  it('gives the empty string for no nodes', () => {
    expect(inlineToPlainText([])).toBe('');
  });
});

describe('classifyUrl', () => {
  it.each([
    ['/articles/a', 'internal'],
    ['/', 'internal'],
    ['/tags/%ED%8F%89', 'internal'],
    ['https://example.com', 'external'],
    ['http://example.com', 'external'],
    ['HTTPS://EXAMPLE.COM', 'external'],
    ['mailto:a@example.com', 'external'],
    ['//evil.example', 'forbidden'],
    ['/\\evil.example', 'forbidden'],
    ['javascript:alert(1)', 'forbidden'],
    ['data:text/html,x', 'forbidden'],
    ['ftp://x', 'forbidden'],
    ['https://', 'forbidden'],
    ['mailto:', 'forbidden'],
    ['articles/a', 'forbidden'],
    ['', 'forbidden'],
  ] as const)('%j is %s', (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });
});
