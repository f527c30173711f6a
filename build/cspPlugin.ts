/**
 * The built site's Content Security Policy as a <meta>, for hosts that cannot set headers.
 * Build only: Vite's dev server injects inline scripts that a strict policy would block.
 * (frame-ancestors is left to the header: browsers ignore it in a <meta> and say so.)
 * deploy/nginx.conf sends the same policy as a header; tests/build/deployHeaders.test.ts checks they agree.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'broadsheet-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
