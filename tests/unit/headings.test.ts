import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// github-slugger is what Astro uses for heading ids (installed with Astro's markdown pipeline).
import GithubSlugger from 'github-slugger';
import { createSlugger, extractHeadings, headingText, slugify } from '../../src/lib/headings.ts';

const chapters = join(import.meta.dirname, '../../content/chapters');

describe('slugify matches github-slugger', () => {
  const samples = [
    "max_tokens above the model's output limit",
    '429 or 529: your limit or everyone\'s capacity',
    'Opus 4.7 seems to pause before answering',
    '200K or 1M: which window you actually get',
    'What "Opus 1M" really means',
    'A/B test a model change — before you trust it',
    'Café, naïve & ünïcode (test) [brackets] {braces}',
    '  leading and trailing  ',
    'LiteLLM, Portkey, OpenRouter or hand-rolled',
  ];
  it.each(samples)('%s', (text) => {
    expect(slugify(text)).toBe(new GithubSlugger().slug(text));
  });
  it('de-duplicates repeated headings the same way', () => {
    const ours = createSlugger();
    const theirs = new GithubSlugger();
    for (const t of ['Fix', 'Fix', 'Fix 1', 'Fix', 'fix-1']) expect(ours(t)).toBe(theirs.slug(t));
  });
  it('agrees on every heading of every chapter', () => {
    for (const file of readdirSync(chapters).filter((f) => f.endsWith('.mdx'))) {
      const theirs = new GithubSlugger();
      for (const h of extractHeadings(readFileSync(join(chapters, file), 'utf8'))) expect(h.slug, file).toBe(theirs.slug(h.text));
    }
  });
});

describe('extractHeadings', () => {
  it('reads ATX headings outside code fences and frontmatter, with inline markdown reduced to text', () => {
    const src = ['---', 'title: "# not a heading"', '---', '## `max_tokens` and **bold** [link](/x)', '```sh', '# a comment', '```', '### Sub ##', '#### Deep'].join('\n');
    expect(extractHeadings(src)).toEqual([
      { depth: 2, text: 'max_tokens and bold link', slug: 'max_tokens-and-bold-link' },
      { depth: 3, text: 'Sub', slug: 'sub' },
      { depth: 4, text: 'Deep', slug: 'deep' },
    ]);
  });
  it('keeps underscores inside words', () => {
    expect(headingText('cache_read_input_tokens stays _zero_')).toBe('cache_read_input_tokens stays zero');
  });
});
