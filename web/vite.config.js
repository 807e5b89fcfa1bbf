// The dashboards' build (issue 10): one HTML page per view under pages/, their scripts under
// src/. Run by CMake at compile time (npm run build) into $VIGIE_WEB_OUT, which
// cmake/embed_assets.cpp then writes into the vigie binary.
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';

const pages = resolve(import.meta.dirname, 'pages');
const input = Object.fromEntries(
  readdirSync(pages)
    .filter((name) => name.endsWith('.html'))
    .map((name) => [name.replace(/\.html$/, ''), resolve(pages, name)]),
);

export default defineConfig({
  root: pages,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: process.env.VIGIE_WEB_OUT ?? resolve(import.meta.dirname, '../build/web-dist'),
    emptyOutDir: true,
    target: 'es2022',
    // The charts' chunk (ECharts' line and bar charts, SVG renderer: 544 kB, 180 kB gzipped) is
    // shared by the pages that draw charts and cached a year (content-hashed name); the others
    // never load it.
    chunkSizeWarningLimit: 600,
    rollupOptions: { input },
  },
});
