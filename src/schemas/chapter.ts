import { z } from 'astro/zod';

/** Frontmatter of a chapter in `content/chapters/*.mdx`. */
export const chapterSchema = z.object({
  /** The chapter title, shown as the page's h1 and in the sidebar. */
  title: z.string().min(3),
  /** One sentence for search results and social cards (≤ 160 characters). */
  description: z.string().min(20).max(160),
  /** Position in the reading order, 1-based and unique. */
  order: z.number().int().positive(),
  /** The sidebar group the chapter sits in. */
  group: z.enum(['Foundations', 'Diagnose a failure', 'Run in production']),
  /** Short phrases a reader would use for the problem (shown on the page and indexed). */
  symptoms: z.array(z.string().min(3)).default([]),
  /** Ids of entries in the error reference this chapter explains. */
  errors: z.array(z.string().regex(/^[a-z0-9-]+$/, 'error ids are kebab-case')).default([]),
  /** When the facts in this chapter were last checked against their sources. */
  lastVerified: z.coerce.date(),
});

export type ChapterFrontmatter = z.infer<typeof chapterSchema>;
