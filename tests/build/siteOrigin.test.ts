// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { siteOriginFrom } from '../../build/siteOrigin.ts';

describe('SITE_URL', () => {
  it('is optional', () => {
    expect(siteOriginFrom(undefined)).toBe('');
    expect(siteOriginFrom('')).toBe('');
  });

  it('gives the origin of an http(s) address at the root', () => {
    expect(siteOriginFrom('https://news.example.org')).toBe('https://news.example.org');
    expect(siteOriginFrom('https://News.Example.org:8443/')).toBe('https://news.example.org:8443');
    expect(siteOriginFrom('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it('rejects what cannot be the root of a site, saying why', () => {
    expect(() => siteOriginFrom('news.example.org')).toThrow(/SITE_URL: "news.example.org" is not an absolute URL/);
    expect(() => siteOriginFrom('ftp://news.example.org')).toThrow(/must start with https:\/\//);
    expect(() => siteOriginFrom('https://example.org/news/')).toThrow(
      /served from the root of its origin \(https:\/\/example.org\)/,
    );
    expect(() => siteOriginFrom('https://example.org/?x=1')).toThrow(/path, query or fragment/);
  });
});
