import { describe, expect, it } from 'vitest';
import { check, LinkState } from 'linkinator';
import { baseURL } from './support/browser.ts';
import { sitemapPaths } from './support/site.ts';

describe('links', () => {
  it('every internal link and #anchor in the built site resolves; external links are listed, not fetched', async () => {
    const external = new Set<string>();
    const result = await check({
      path: `${baseURL}/`,
      recurse: true,
      checkFragments: true,
      concurrency: 16,
      linksToSkip: async (link) => {
        const local = link.startsWith(baseURL);
        if (!local && /^https?:/.test(link)) external.add(link);
        return !local;
      },
    });
    const broken = result.links
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => `${l.status ?? ''} ${l.url.replace(baseURL, '')}  (on ${l.parent?.replace(baseURL, '')})`);
    const checked = result.links.filter((l) => l.state === LinkState.OK).length;
    console.log(`links: ${checked} internal links OK, ${external.size} distinct external links listed (not fetched)`);
    expect(broken).toEqual([]);
    // The crawl reached at least every page in the sitemap (links are de-duplicated, so this is a floor).
    expect(checked).toBeGreaterThanOrEqual(sitemapPaths().length);
  }, 300_000);
});
