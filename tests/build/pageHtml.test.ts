// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pageHtml } from '../../build/siteBuild.ts';

const TEMPLATE = '<html><head><meta charset="UTF-8"></head><body><div id="root"></div></body></html>';

describe('prerendered page HTML', () => {
  it('puts text with $ patterns in as it is', () => {
    const text = "Prices: $$$, a regex's $& and $' and $` and $1";
    const html = pageHtml(TEMPLATE, '/articles/x', `<title>${text}</title>`, `<h1>${text}</h1>`, `{"t":"${text}"}`);
    expect(html).toContain(`<title data-prerendered="">${text}</title></head>`);
    expect(html).toContain(`<div id="root"><h1>${text}</h1></div>`);
    expect(html).toContain(`data-url="/articles/x">{"t":"${text}"}</script></body>`);
    expect(html.match(/<div id="root">/g)).toHaveLength(1);
  });
});
