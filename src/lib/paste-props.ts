/**
 * What the paste box and the search page need at build time, in one place: each error entry's title, one-line
 * fix, category and chapter section (with the chapter's title), and the catalogue's retired models.
 * Runs in Astro pages only (reads content collections).
 */
import { getCollection } from 'astro:content';
import { MODELS, UNPRICED } from './catalogue.ts';
import { retiredModels, type RetiredModel } from './retired-models.ts';
import type { FixEntry } from '../islands/FixCandidates.tsx';

export async function pasteProps(): Promise<{ errors: FixEntry[]; retired: RetiredModel[] }> {
  const chapters = new Map((await getCollection('chapters')).map((c) => [c.id, c.data.title]));
  const errors = (await getCollection('errors')).map((e) => {
    const slug = /^\/guide\/([^/]+)\//.exec(e.data.chapter)?.[1] ?? '';
    return {
      id: e.id,
      title: e.data.title,
      fix: e.data.fixSummary,
      category: e.data.category,
      chapter: e.data.chapter,
      chapterTitle: chapters.get(slug) ?? slug,
    };
  });
  // The build date decides what has retired (the catalogue holds the dates).
  return { errors, retired: retiredModels(MODELS, new Date().toISOString().slice(0, 10), UNPRICED) };
}
