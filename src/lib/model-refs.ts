/**
 * Finds the model references in a chapter, snippet or recipe: the ids that `findModel` can resolve or should be able
 * to. Pure text scanning; used by `scripts/count-model-refs.ts` and its test.
 */

/** Claude API ids and snapshots (`claude-opus-5-5`, `claude-haiku-4-5-20251001`), Bedrock (`us.anthropic.claude-…-v1:0`)
 * and Vertex (`claude-…@20251001`) forms. The id stops before an `@date` or a Bedrock `-v1:0` suffix. */
const CODE_ID = /\bclaude-(?:opus|sonnet|haiku|fable|mythos)(?:-\d{1,2}(?!\d)(?:-\d{1,2}(?!\d))?)?(?:-(?:preview|\d{8}))?/g;
/** `model="sonnet-5-5"` on `<Fact>` and similar components (a `model="claude-…"` in code is counted as a code id). */
const MODEL_ATTR = /\bmodel="(?!claude-)([a-z0-9-]+)"/g;
/** `models={["haiku-4-5", "sonnet-4-6"]}` on `<ModelTable>` / `<PriceTable>`. */
const MODELS_ATTR = /\bmodels=\{\[([^\]]*)\]\}/g;
/** Calculator links: `?models=a,b` and `mix=a:0.7,b:0.3`. */
const LINK_LIST = /[?&](?:models|mix)=([a-z0-9.:,%-]+)/g;

export function modelReferences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CODE_ID)) out.push(m[0]);
  for (const m of text.matchAll(MODEL_ATTR)) out.push(m[1]!);
  for (const m of text.matchAll(MODELS_ATTR)) for (const s of m[1]!.matchAll(/"([a-z0-9-]+)"/g)) out.push(s[1]!);
  for (const m of text.matchAll(LINK_LIST)) {
    for (const part of decodeURIComponent(m[1]!).split(',')) {
      const id = part.split(':')[0]!;
      if (id) out.push(id);
    }
  }
  return out;
}
