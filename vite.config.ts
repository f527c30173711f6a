import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { broadsheetContent } from './src/content/vitePlugin';
import { contentSecurityPolicy } from './src/content/cspPlugin';

export default defineConfig({
  plugins: [react(), tailwindcss(), broadsheetContent(), contentSecurityPolicy()],
  // The manifest lets the size check and the benchmark tell which files each route needs first.
  build: { manifest: true },
  server: { host: '127.0.0.1', open: false },
  preview: { host: '127.0.0.1' },
});
