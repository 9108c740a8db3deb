// Astro writes `<style>astro-island,…{display:contents}</style>` into <body> before the first island.
// A <style> in <body> is not valid HTML, so after the build the same rule lives in global.css and
// this integration removes the inline copy from every page.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INLINE = /<style>astro-island,astro-slot,astro-static-slot\{display:contents\}<\/style>/g;

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

export default function islandStyle() {
  return {
    name: 'island-style',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let changed = 0;
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const next = html.replace(INLINE, '');
          if (next !== html) {
            await writeFile(file, next);
            changed++;
          }
        }
        logger.info(`moved the island display rule to global.css on ${changed} pages`);
      },
    },
  };
}
