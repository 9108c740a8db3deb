/**
 * What the reader already typed or pasted into a server-rendered field before its island hydrated.
 *
 * Islands hydrate late (`client:visible`, a slow link): until then the textarea is plain HTML and takes input. An
 * island that starts from `useState('')` sets `value=""` on hydration and wipes that text. Read it as the initial
 * state instead (the component runs before Preact touches the DOM, so the field still holds the text). On the
 * server, and where the element is not in the document, this is ''.
 */
export function typedBeforeHydration(id: string): string {
  if (typeof document === 'undefined') return '';
  const el = document.getElementById(id);
  return el && 'value' in el && typeof (el as HTMLTextAreaElement).value === 'string' ? (el as HTMLTextAreaElement).value : '';
}
