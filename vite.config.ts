import { defineConfig } from 'vitest/config';

/**
 * The browser visualizer (src/ui): `npm run ui` serves index.html on localhost, `npm run build`
 * writes a static site to dist/ that works from any folder of any static server (relative
 * `base`), offline: every script, style, worker and bundled scenario is a local file.
 */
export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  worker: { format: 'es' },
  // Scan the page's own entry only (scratch/ may hold other experiments).
  optimizeDeps: { entries: ['index.html'] },
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
