import type Anthropic from '@anthropic-ai/sdk';

type Msg = Anthropic.MessageParam;
type Block = Anthropic.ContentBlockParam;

const blocks = (m: Msg): Block[] => (typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : m.content);

/**
 * Make a stored history valid before resending it, after a crash, a user
 * interrupt, a timeout mid-tool or a truncation that cut between a tool_use and
 * its tool_result. Two rules, both enforced by the API:
 *  1. every tool_use id in an assistant turn has a tool_result in the NEXT user turn;
 *  2. every tool_result answers a tool_use in the PREVIOUS assistant turn.
 * Missing results are filled with an is_error result (the model learns the call
 * did not complete); results with no matching call are dropped.
 */
export function repairToolPairs(history: readonly Msg[]): Msg[] {
  const out: Msg[] = [];
  for (let i = 0; i < history.length; i++) {
    const msg = history[i];
    if (msg === undefined) continue;
    const prev = out[out.length - 1];

    if (msg.role === 'user') {
      const asked = new Set(
        prev?.role === 'assistant'
          ? blocks(prev).flatMap((b) => (b.type === 'tool_use' ? [b.id] : []))
          : [],
      );
      // Rule 2: drop results whose tool_use is not in the previous assistant turn.
      let content: Block[] = blocks(msg).filter((b) => b.type !== 'tool_result' || asked.has(b.tool_use_id));
      // Rule 1: add an error result for every call that was never answered.
      const answered = new Set(content.flatMap((b) => (b.type === 'tool_result' ? [b.tool_use_id] : [])));
      const filler: Block[] = [...asked]
        .filter((id) => !answered.has(id))
        .map((id) => ({ type: 'tool_result', tool_use_id: id, is_error: true, content: 'Tool call was interrupted; no result.' }));
      // tool_result blocks must come before any text in the user turn.
      content = [...filler, ...content.filter((b) => b.type === 'tool_result'), ...content.filter((b) => b.type !== 'tool_result')];
      if (content.length > 0) out.push({ role: 'user', content });
      continue;
    }

    out.push(msg);
    const calls = blocks(msg).flatMap((b) => (b.type === 'tool_use' ? [b.id] : []));
    const next = history[i + 1];
    if (msg.role === 'assistant' && calls.length > 0 && (next === undefined || next.role !== 'user')) {
      // Rule 1 when the user turn is missing entirely (e.g. the process died mid-tool).
      out.push({
        role: 'user',
        content: calls.map((id) => ({ type: 'tool_result', tool_use_id: id, is_error: true, content: 'Tool call was interrupted; no result.' })),
      });
    }
  }
  return out;
}
