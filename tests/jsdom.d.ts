/** The part of jsdom the build tests use (its XML parser), typed with the DOM's own types; jsdom ships no types. */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
