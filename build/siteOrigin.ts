/**
 * The newsroom's public origin, from the SITE_URL environment variable at build time. Canonical, Open Graph and
 * JSON-LD URLs must be absolute, and a prerendered page is read (by crawlers and link previews) before any
 * script runs, so the build has to know where the site will live. Unset, those URLs are site paths in the HTML
 * and the app makes them absolute on whatever origin serves it once it starts.
 */
export function siteOriginFrom(value: string | undefined): string {
  if (!value) return '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `SITE_URL: "${value}" is not an absolute URL; give the site's address, such as https://news.example.org`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL: "${value}" must start with https:// (or http://)`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `SITE_URL: "${value}" has a path, query or fragment; Broadsheet is served from the root of its origin (${url.origin})`,
    );
  }
  return url.origin;
}
