import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from './build/cspPlugin.ts';
import { siteOriginFrom } from './build/siteOrigin.ts';
import { broadsheetContent } from './build/vitePlugin.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), broadsheetContent(), contentSecurityPolicy()],
  define: { 'import.meta.env.SITE_ORIGIN': JSON.stringify(siteOriginFrom(process.env.SITE_URL)) },
  // The manifest lets the size check and the benchmark tell which files each route needs first.
  build: { manifest: true },
  server: {
    host: '127.0.0.1',
    open: false,
    // Test and benchmark builds are written inside the repo; they are not sources.
    watch: { ignored: ['**/tests/e2e/.artifacts/**', '**/bench-results/**', '**/dist*/**'] },
  },
  preview: { host: '127.0.0.1' },
});
