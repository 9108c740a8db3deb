import type Anthropic from '@anthropic-ai/sdk';

type Msg = Anthropic.MessageParam;

const isThinking = (b: Anthropic.ContentBlockParam): boolean => b.type === 'thinking' || b.type === 'redacted_thinking';

/** True while the model is mid tool loop: the last message carries tool results it has not answered yet. */
export function inToolLoop(history: readonly Msg[]): boolean {
  const last = history[history.length - 1];
  return last !== undefined && last.role === 'user' && typeof last.content !== 'string' && last.content.some((b) => b.type === 'tool_result');
}

/** Remove thinking blocks from assistant turns at index `from` and later, never leaving an empty turn. */
function stripThinking(history: readonly Msg[], from = 0): Msg[] {
  return history.map((m, i) => {
    if (i < from || m.role !== 'assistant' || typeof m.content === 'string') return m;
    const content = m.content.filter((b) => !isThinking(b));
    // An assistant turn that held only thinking would become empty, which the API rejects.
    return { ...m, content: content.length > 0 ? content : [{ type: 'text' as const, text: '(no visible reply)' }] };
  });
}

/**
 * Prepare a conversation for a different model or thinking setting.
 * - Inside a tool loop, finish on the current model first and switch on the next user turn.
 * - Target thinks: send the history as it is. On current models the API drops the blocks the
 *   target cannot read, without an error and without billing them; the ones it can read keep
 *   their reasoning. Rewriting them yourself would only lose that.
 * - Target has thinking off: remove thinking blocks from earlier assistant turns ("When thinking
 *   is disabled, an `assistant` message in the final position cannot contain `thinking`").
 */
export function prepareForSwitch(history: readonly Msg[], target: { thinkingEnabled: boolean }): Msg[] {
  if (inToolLoop(history)) {
    throw new Error('Conversation is mid tool loop: finish it on the current model, then switch');
  }
  return target.thinkingEnabled ? [...history] : stripThinking(history);
}

/**
 * After editing message `editedIndex` (trimming, redacting, compacting) or the system prompt or
 * tools (pass 0): every thinking block from that message on now fails the prefix check, which is a
 * 400 by default on newer accounts (Anthropic's preserved-thinking page gives the cut-off date).
 * Blocks before the edit stay valid. Not inside a tool loop: its last assistant turn must keep the
 * thinking block it starts with, so edit at the next user turn instead.
 */
export function afterHistoryEdit(history: readonly Msg[], editedIndex: number): Msg[] {
  const lastAssistant = history.findLastIndex((m) => m.role === 'assistant');
  if (inToolLoop(history) && editedIndex <= lastAssistant) {
    throw new Error('Conversation is mid tool loop: finish the loop, then edit earlier history');
  }
  return stripThinking(history, Math.max(0, editedIndex));
}

/**
 * The "thinking off" setting a model accepts, from its Models API capabilities. Sonnet 5.5
 * rejects `disabled` with a 400 and takes `between_tools` instead (which still returns short
 * progress notes as thinking blocks between tool calls: pass those back unchanged).
 */
export function thinkingOff(caps: Anthropic.ModelCapabilities | null | undefined): Anthropic.ThinkingConfigParam | undefined {
  const types = caps?.thinking.types;
  if (!types || types.disabled.supported) return { type: 'disabled' };
  if (types.between_tools.supported) return { type: 'between_tools' };
  return undefined; // thinking cannot be turned off on this model (for example always-on adaptive): omit `thinking`
}
