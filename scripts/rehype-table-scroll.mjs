// Wraps every Markdown table in a focusable, labelled scroll container so wide tables
// scroll sideways on a phone instead of widening the page (keyboard users can scroll it too).
export default function rehypeTableScroll() {
  const visit = (node) => {
    if (!node.children) return;
    node.children = node.children.map((child) => {
      visit(child);
      if (child.type === 'element' && child.tagName === 'table') {
        return {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table (scrolls sideways)' },
          children: [child],
        };
      }
      return child;
    });
  };
  return (tree) => visit(tree);
}
