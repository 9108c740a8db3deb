// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import markdownExport from './scripts/markdown-export.mjs';
import islandStyle from './scripts/island-style.mjs';
import { satteri } from '@astrojs/markdown-satteri';
import { tableScroll } from './scripts/table-scroll.mjs';
import { classifierWeights } from './scripts/classifier-plugin.ts';

// The canonical origin is only used for the sitemap, canonical links and social cards.
// Set SITE_URL when deploying; the default keeps local builds self-contained.
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Stylesheets as files: no inline <style>, so the CSP's style-src needs no per-page hashes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), preact(), sitemap({ filter: (page) => !page.includes('/404') }), markdownExport(), islandStyle()],
  markdown: {
    processor: satteri({ hastPlugins: [tableScroll] }),
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
      wrap: false,
    },
  },
  security: {
    // Hashes for every script Astro emits; no 'unsafe-inline' for scripts.
    // Pagefind compiles WebAssembly, which needs 'wasm-unsafe-eval'.
    csp: {
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // Shiki colours code with style attributes; scripts stay strict (hashes only).
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  // The error classifier is trained from content/ at build time (virtual:classifier-weights).
  vite: { plugins: [classifierWeights()] },
  devToolbar: { enabled: false },
});
