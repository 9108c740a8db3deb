import type Anthropic from '@anthropic-ai/sdk';

type Msg = Anthropic.MessageParam;

const isThinking = (b: Anthropic.ContentBlockParam): boolean => b.type === 'thinking' || b.type === 'redacted_thinking';

/** True while the model is mid tool loop: the last message carries tool results it has not answered yet. */
export function inToolLoop(history: readonly Msg[]): boolean {
  const last = history[history.length - 1];
  return last !== undefined && last.role === 'user' && typeof last.content !== 'string' && last.content.some((b) => b.type === 'tool_result');
}

/**
 * Prepare a conversation for a different model or thinking setting.
 * - Inside a tool loop, thinking blocks bind the turn to the model and thinking
 *   config that produced them: finish the loop first, switch on the next user turn.
 * - When the target request has thinking off, remove thinking blocks from earlier
 *   assistant turns ("When thinking is disabled, an `assistant` message in the
 *   final position cannot contain `thinking`").
 */
export function prepareForSwitch(history: readonly Msg[], target: { thinkingEnabled: boolean }): Msg[] {
  if (inToolLoop(history)) {
    throw new Error('Conversation is mid tool loop: finish it on the current model, then switch');
  }
  if (target.thinkingEnabled) return [...history];
  return history.map((m) => {
    if (m.role !== 'assistant' || typeof m.content === 'string') return m;
    const content = m.content.filter((b) => !isThinking(b));
    // An assistant turn that held only thinking would become empty, which the API rejects.
    return { ...m, content: content.length > 0 ? content : [{ type: 'text' as const, text: '(no visible reply)' }] };
  });
}
