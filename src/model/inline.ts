/**
 * The inline-text format: plain text with `[label](url)`, `*emphasis*` and `**strong**`;
 * a backslash escapes `*`, `[`, `]` and `\`. Everything else, HTML included, is text.
 *
 * The parser never throws: malformed markup degrades to text. Disallowed link urls are
 * reported as problems (the validator turns them into errors) and rendered as text.
 */

export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'emphasis'; children: InlineNode[] }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'link'; url: string; internal: boolean; children: InlineNode[] };

export interface InlineParse {
  nodes: InlineNode[];
  problems: string[];
}

const ESCAPABLE = new Set(['*', '[', ']', '\\']);

/** Whether a link url is one the contract allows; internal means a site path handled by the app. */
export function classifyUrl(url: string): 'internal' | 'external' | 'forbidden' {
  if (url.startsWith('/')) {
    // "//host" is protocol-relative: it leaves the site, so it is not a site path.
    return url.startsWith('//') || url.startsWith('/\\') ? 'forbidden' : 'internal';
  }
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url) ? 'external' : 'forbidden';
}

/** Index of the next unescaped occurrence of `token` at or after `from`, or -1. */
function findUnescaped(text: string, token: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '\\' && ESCAPABLE.has(text[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (token === '*') {
      // A single "*" closes emphasis; a "**" inside belongs to a nested strong, so skip it whole.
      if (c === '*' && text[i + 1] === '*') {
        i++;
        continue;
      }
      if (c === '*') return i;
    } else if (text.startsWith(token, i)) {
      return i;
    }
  }
  return -1;
}

/**
 * The ")" that ends a link url starting at `from`: balanced pairs inside the url are part of it,
 * so `https://en.wikipedia.org/wiki/Foo_(bar)` and `javascript:alert(1)` are read whole.
 */
function closingParenthesis(text: string, from: number, end: number): number {
  let depth = 0;
  for (let i = from; i < end; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function parseRange(text: string, start: number, end: number, allowLinks: boolean, problems: string[]): InlineNode[] {
  const nodes: InlineNode[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ type: 'text', text: buffer });
    buffer = '';
  };

  let i = start;
  while (i < end) {
    const c = text[i];
    const next = text[i + 1];

    if (c === '\\' && i + 1 < end && ESCAPABLE.has(next ?? '')) {
      buffer += next;
      i += 2;
      continue;
    }

    if (c === '*' && next === '*') {
      const close = findUnescaped(text, '**', i + 2, end);
      if (close > i + 2) {
        flush();
        nodes.push({ type: 'strong', children: parseRange(text, i + 2, close, allowLinks, problems) });
        i = close + 2;
        continue;
      }
      buffer += '**';
      i += 2;
      continue;
    }

    if (c === '*') {
      const close = findUnescaped(text, '*', i + 1, end);
      if (close > i + 1) {
        flush();
        nodes.push({ type: 'emphasis', children: parseRange(text, i + 1, close, allowLinks, problems) });
        i = close + 1;
        continue;
      }
      buffer += '*';
      i += 1;
      continue;
    }

    if (c === '[' && allowLinks) {
      const labelEnd = findUnescaped(text, ']', i + 1, end);
      if (labelEnd > i + 1 && text[labelEnd + 1] === '(') {
        const urlEnd = closingParenthesis(text, labelEnd + 2, end);
        const url = urlEnd === -1 ? '' : text.slice(labelEnd + 2, urlEnd);
        if (url && !/\s/.test(url)) {
          const children = parseRange(text, i + 1, labelEnd, false, problems);
          const kind = classifyUrl(url);
          flush();
          if (kind === 'forbidden') {
            problems.push(`link url ${JSON.stringify(url)} is not allowed`);
            // Shown as its label alone: the reader never gets a dangerous link.
            nodes.push(...children);
          } else {
            nodes.push({ type: 'link', url, internal: kind === 'internal', children });
          }
          i = urlEnd + 1;
          continue;
        }
      }
    }

    buffer += c;
    i += 1;
  }
  flush();
  return nodes;
}

export function parseInline(text: string): InlineParse {
  const problems: string[] = [];
  const nodes = parseRange(text, 0, text.length, true, problems);
  return { nodes, problems };
}

/** The words a reader sees, without markup: for word counts, meta descriptions and titles. */
export function inlineToPlainText(nodes: InlineNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.text : inlineToPlainText(node.children))).join('');
}

export function plainText(text: string): string {
  return inlineToPlainText(parseInline(text).nodes);
}
