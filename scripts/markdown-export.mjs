// An Astro integration: after the build, every chapter is also written as plain Markdown at
// /guide/<slug>.md, from the rendered HTML, so facts rendered from the catalogue and the code
// files shown in the chapter come out exactly as a reader sees them.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { parse } from 'node-html-parser';

export function htmlToMarkdown(html, { title, url }) {
  const root = parse(html);
  const content = root.querySelector('main .content');
  if (!content) throw new Error(`markdown-export: no main .content in ${url}`);
  for (const el of content.querySelectorAll('[data-pagefind-ignore], .mobile-toc, astro-island, script, style, h1'))
    el.remove();
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  turndown.use(gfm);
  // Keep the language of highlighted code blocks.
  turndown.addRule('shiki', {
    filter: (node) => node.nodeName === 'PRE' && node.getAttribute('data-language') !== null,
    replacement: (_c, node) => {
      const lang = node.getAttribute('data-language') ?? '';
      return `\n\n\`\`\`${lang}\n${node.textContent.replace(/\n$/, '')}\n\`\`\`\n\n`;
    },
  });
  turndown.addRule('part-label', {
    filter: (node) => node.nodeName === 'P' && (node.getAttribute('class') ?? '').includes('part__label'),
    replacement: (text) => `\n\n**${text.trim()}**\n\n`,
  });
  const body = turndown.turndown(content.innerHTML);
  return `# ${title}\n\nSource: ${url}\n\n${body.trim()}\n`;
}

export default function markdownExport() {
  return {
    name: 'markdown-export',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const guide = join(out, 'guide');
        let slugs = [];
        try {
          slugs = (await readdir(guide, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
        } catch {
          return;
        }
        for (const slug of slugs) {
          const html = await readFile(join(guide, slug, 'index.html'), 'utf8');
          const title = parse(html).querySelector('h1')?.text.trim() ?? slug;
          await writeFile(join(guide, `${slug}.md`), htmlToMarkdown(html, { title, url: `/guide/${slug}/` }));
        }
        logger.info(`wrote ${slugs.length} chapters as Markdown`);
      },
    },
  };
}
