// A Sätteri (Astro 7's Markdown/MDX processor) HAST plugin: wraps every Markdown table in a
// focusable, labelled scroll container, so wide tables scroll sideways on a phone instead of
// widening the page, and keyboard users can scroll them too.
export const tableScroll = {
  name: 'table-scroll',
  element: {
    filter: ['table'],
    visit(node, ctx) {
      ctx.wrapNode(node, { raw: '<div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways)"></div>' });
    },
  },
};
