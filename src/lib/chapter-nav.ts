/** Sidebar and previous/next navigation derived from chapter frontmatter. Pure. */

export interface ChapterRef {
  slug: string;
  title: string;
  order: number;
  group: string;
}

export interface ChapterGroup {
  group: string;
  chapters: ChapterRef[];
}

export function sortChapters(chapters: readonly ChapterRef[]): ChapterRef[] {
  return [...chapters].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** Groups in the order their first chapter appears, chapters in reading order. */
export function groupChapters(chapters: readonly ChapterRef[]): ChapterGroup[] {
  const groups: ChapterGroup[] = [];
  for (const chapter of sortChapters(chapters)) {
    let group = groups.find((g) => g.group === chapter.group);
    if (!group) {
      group = { group: chapter.group, chapters: [] };
      groups.push(group);
    }
    group.chapters.push(chapter);
  }
  return groups;
}

export function neighbours(
  chapters: readonly ChapterRef[],
  slug: string,
): { prev: ChapterRef | undefined; next: ChapterRef | undefined } {
  const sorted = sortChapters(chapters);
  const i = sorted.findIndex((c) => c.slug === slug);
  if (i === -1) return { prev: undefined, next: undefined };
  return { prev: sorted[i - 1], next: sorted[i + 1] };
}

/** Duplicate `order` values would make the reading order ambiguous: report them. */
export function duplicateOrders(chapters: readonly ChapterRef[]): string[] {
  const seen = new Map<number, string>();
  const problems: string[] = [];
  for (const c of chapters) {
    const other = seen.get(c.order);
    if (other) problems.push(`chapters "${other}" and "${c.slug}" both have order ${c.order}`);
    else seen.set(c.order, c.slug);
  }
  return problems;
}
