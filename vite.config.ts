import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { broadsheetContent } from './src/content/vitePlugin';
import { contentSecurityPolicy } from './src/content/cspPlugin';

export default defineConfig({
  plugins: [react(), tailwindcss(), broadsheetContent(), contentSecurityPolicy()],
  server: { host: '127.0.0.1', open: false },
  preview: { host: '127.0.0.1' },
});
