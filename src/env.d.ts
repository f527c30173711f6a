interface ImportMetaEnv {
  /** The site's public origin from SITE_URL at build time, or "" (see build/siteOrigin.ts). */
  readonly SITE_ORIGIN?: string;
}
