// @vitest-environment node
/**
 * deploy/nginx.conf against the build: the Content Security Policy is written twice (the header in
 * nginx.conf, the <meta> of build/cspPlugin.ts for hosts without headers), so this checks that the two
 * agree; and that every location sends the headers, since nginx drops the server's add_header in any
 * location that has its own. (The browser tests check the same headers on the wire, from nginx.)
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../build/cspPlugin.ts';

const CONF = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx.conf'), 'utf8');

interface Location {
  /** `= /`, `^~ /media/`, `/`, … as written. */
  match: string;
  headers: Map<string, string>;
}

/** The config without comments. */
const uncommented = CONF.split('\n')
  .map((line) => line.replace(/(^|\s)#.*$/, ''))
  .join('\n');

/** A quoted or bare nginx argument at the start of `text`: its value, and the rest. */
function argument(text: string): [string, string] {
  const trimmed = text.trimStart();
  const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(trimmed);
  if (quoted) return [quoted[1] ?? '', trimmed.slice(quoted[0].length)];
  const bare = /^[^\s;]+/.exec(trimmed);
  return [bare?.[0] ?? '', trimmed.slice(bare?.[0].length ?? 0)];
}

const variables = new Map(
  [...uncommented.matchAll(/^\s*set\s+(\$\w+)\s+(.*);\s*$/gm)].map((m) => [m[1] ?? '', argument(m[2] ?? '')[0]]),
);

/** Each `location … { … }` with the headers it adds, variables expanded. */
function locations(): Location[] {
  const found: Location[] = [];
  const opener = /location\s+([^{]+?)\s*\{/g;
  for (let m = opener.exec(uncommented); m; m = opener.exec(uncommented)) {
    let depth = 1;
    let i = opener.lastIndex;
    while (depth > 0 && i < uncommented.length) {
      if (uncommented[i] === '{') depth++;
      if (uncommented[i] === '}') depth--;
      i++;
    }
    const body = uncommented.slice(opener.lastIndex, i - 1);
    const headers = new Map<string, string>();
    for (const line of body.split('\n')) {
      const directive = /^\s*add_header\s+(.*)$/.exec(line);
      if (!directive) continue;
      const [name, rest] = argument(directive[1] ?? '');
      const [value] = argument(rest);
      headers.set(name, variables.get(value) ?? value);
    }
    found.push({ match: m[1] ?? '', headers });
  }
  return found;
}

/** A policy as directive → its sources in order, so two spellings of one policy compare equal. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name ?? '', sources.join(' ')]),
  );
}

describe('deploy/nginx.conf', () => {
  const all = locations();
  const media = all.find((location) => location.match === '^~ /media/');
  const site = all.filter((location) => location !== media);

  it('has the locations this test reads', () => {
    expect(all.map((location) => location.match)).toEqual([
      '/assets/',
      '^~ /data/',
      '^~ /feeds/',
      '= /sitemap.xml',
      '^~ /sitemaps/',
      '= /robots.txt',
      '^~ /media/',
      '= /',
      '/',
    ]);
  });

  it("sends the built HTML's own policy, plus frame-ancestors, which a <meta> cannot carry", () => {
    const header = directives(variables.get('$csp') ?? '');
    expect(header.get('frame-ancestors')).toBe("'none'");
    header.delete('frame-ancestors');
    expect(header).toEqual(directives(CONTENT_SECURITY_POLICY));
  });

  it('sends the site policy and nosniff from every location but /media/ (a location drops the server’s headers)', () => {
    for (const location of site) {
      expect(location.headers.get('Content-Security-Policy'), location.match).toBe(variables.get('$csp'));
      expect(location.headers.get('X-Content-Type-Options'), location.match).toBe('nosniff');
    }
  });

  it('caches feeds, sitemaps and robots.txt like data, and names their content types', () => {
    for (const match of ['^~ /feeds/', '= /sitemap.xml', '^~ /sitemaps/', '= /robots.txt']) {
      const location = all.find((l) => l.match === match);
      expect(location?.headers.get('Cache-Control'), match).toBe('public, max-age=60, must-revalidate');
    }
    expect(uncommented).toMatch(
      /location \^~ \/feeds\/ \{\s*types \{\s*application\/rss\+xml rss;\s*application\/atom\+xml atom;\s*\}/,
    );
    expect(uncommented).toMatch(/location = \/robots\.txt \{\s*types \{ \}\s*default_type text\/plain;/);
  });

  it('serves /media/ (a prefix that no regex location can take over) with a policy under which nothing runs', () => {
    expect(media).toBeDefined();
    const policy = directives(media?.headers.get('Content-Security-Policy') ?? '');
    expect(policy.get('default-src')).toBe("'none'");
    // Script falls back to default-src 'none'; sandbox (without allow-scripts) turns scripts off and
    // gives an opened SVG an opaque origin; only an image's own styles and pictures may load.
    expect(policy.has('script-src')).toBe(false);
    expect(policy.get('sandbox')).toBe('');
    expect(policy.get('style-src')).toBe("'unsafe-inline'");
    expect(policy.get('img-src')).toBe("'self' data:");
    expect(media?.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
