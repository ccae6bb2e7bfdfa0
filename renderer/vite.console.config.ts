// Builds the HQ console (renderer/console) into renderer/dist-console, served by the sync service
// at /console/. A second entry beside the till's UI so both share the dashboard's chart, table and
// CSV components from renderer/src without copies. The console's CSP forbids inline scripts and
// styles: every asset stays a separate file.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('./console', import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../dist-console',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
});
