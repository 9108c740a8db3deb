// Build requests whose cacheable prefix is byte-identical on every call. The cache matches
// tools → system → messages in that order, byte for byte: anything that varies (a timestamp,
// the user's name, tools in a different order) must come after the last breakpoint.
import Anthropic from '@anthropic-ai/sdk';

/** Sort keys recursively so the same schema always serializes to the same bytes. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export interface PromptParts {
  staticInstructions: string; // never changes between calls: the part worth caching
  tools: Anthropic.Tool[];
  perRequestContext: string; // date, user, retrieved documents: goes AFTER the breakpoint
  question: string;
}

export function buildCachedRequest(
  model: string,
  maxTokens: number,
  parts: PromptParts,
  ttl: '5m' | '1h' = '5m', // 1h when the same prefix comes back at gaps longer than 5 minutes
): Anthropic.MessageCreateParamsNonStreaming {
  const tools = [...parts.tools]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((tool) => canonical(tool) as Anthropic.Tool);
  return {
    model, // caches are per model: a request routed to another model starts cold
    max_tokens: maxTokens,
    tools,
    system: [{ type: 'text', text: parts.staticInstructions, cache_control: { type: 'ephemeral', ttl } }],
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: parts.perRequestContext },
          { type: 'text', text: parts.question },
        ],
      },
    ],
  };
}
