import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { defineConfig } from 'vite';

// The dashboard (index.html) and the requester portal (portal.html, its own smaller bundle) are
// served by the API server from web/dist, under a content security policy that allows no inline
// script: nothing may be inlined into either page.
export default defineConfig({
  root: import.meta.dirname,
  // The pages import the server's message catalogue and locale files from outside web/.
  server: { fs: { allow: ['..'] } },
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { input: { dashboard: join(import.meta.dirname, 'index.html'), portal: join(import.meta.dirname, 'portal.html') } },
  },
});
