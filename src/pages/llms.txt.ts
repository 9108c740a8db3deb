import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { groupChapters } from '../lib/chapter-nav.ts';

// https://llmstxt.org: an index a language model can read, pointing at the Markdown copy of every chapter.
export const GET: APIRoute = async ({ site }) => {
  const chapters = await getCollection('chapters');
  const descriptions = new Map(chapters.map((c) => [c.id, c.data.description]));
  const groups = groupChapters(chapters.map((c) => ({ slug: c.id, title: c.data.title, order: c.data.order, group: c.data.group })));
  const abs = (path: string) => new URL(path, site).href;
  const lines = [
    '# Claude Model Guide',
    '',
    '> A field guide for engineers running Claude in production: choosing between Opus, Sonnet and Haiku, what a workload costs, and how to fix rate limits, cost spikes, latency, context-window, tool-use, switching and fallback problems. Every figure is sourced and dated on the model catalogue page.',
    '',
  ];
  for (const g of groups) {
    lines.push(`## ${g.group}`, '');
    for (const c of g.chapters) lines.push(`- [${c.title}](${abs(`/guide/${c.slug}.md`)}): ${descriptions.get(c.slug)}`);
    lines.push('');
  }
  lines.push(
    '## Tools',
    '',
    `- [Model catalogue](${abs('/models/')}): every model's ids, status, limits and prices with sources`,
    `- [What changed](${abs('/changes/')}): model releases, prices, deprecations, retirements and API changes, newest first ([Atom feed](${abs('/changes.xml')}))`,
    `- [Error reference](${abs('/errors/')}): one page per Claude API, SDK, Bedrock and Vertex error`,
    `- [Troubleshooting trees](${abs('/troubleshoot/')}): symptom to fix, one question at a time`,
    `- [Cost calculator](${abs('/calculator/')}): per-model cost with caching, Batch and routing`,
    '',
  );
  return new Response(lines.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
