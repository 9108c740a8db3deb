import Anthropic from '@anthropic-ai/sdk';

/** One labelled case: what the user said and what a correct first move is. */
export interface ToolCase {
  prompt: string;
  /** Tool that should be called, or null when the model should ask or answer instead. */
  expectTool: string | null;
  /** Argument values that must match exactly when a tool is expected. */
  expectArgs?: Record<string, unknown>;
}

export interface ToolScore {
  model: string;
  cases: number;
  correct: number;
  wrongTool: number;
  /** Called a tool when it should have asked: the "invented parameters" failure. */
  calledWhenShouldAsk: number;
  wrongArgs: number;
  outputTokens: number;
}

/** Score each model's FIRST move on the same labelled cases. Code-graded, no judge. */
export async function scoreToolUse(
  models: readonly string[],
  system: string,
  tools: Anthropic.Tool[],
  cases: readonly ToolCase[],
): Promise<ToolScore[]> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const scores: ToolScore[] = [];
  for (const model of models) {
    const s: ToolScore = { model, cases: cases.length, correct: 0, wrongTool: 0, calledWhenShouldAsk: 0, wrongArgs: 0, outputTokens: 0 };
    for (const c of cases) {
      const res = await client.messages.create({
        model,
        system,
        tools,
        max_tokens: 1024,
        messages: [{ role: 'user', content: c.prompt }],
      });
      s.outputTokens += res.usage.output_tokens;
      const call = res.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
      if (c.expectTool === null) {
        if (call === undefined) s.correct++;
        else s.calledWhenShouldAsk++;
        continue;
      }
      if (call === undefined || call.name !== c.expectTool) {
        s.wrongTool++;
        continue;
      }
      const args = (call.input ?? {}) as Record<string, unknown>;
      const argsOk = Object.entries(c.expectArgs ?? {}).every(([k, v]) => JSON.stringify(args[k]) === JSON.stringify(v));
      if (argsOk) s.correct++;
      else s.wrongArgs++;
    }
    scores.push(s);
  }
  return scores;
}
