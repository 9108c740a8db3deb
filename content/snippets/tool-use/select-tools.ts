import type Anthropic from '@anthropic-ai/sdk';

/** Which tools each task may use. Sending only these keeps every request smaller. */
const TOOLS_BY_TASK: Record<string, readonly string[]> = {
  'order-status': ['get_order', 'get_shipment'],
  refund: ['get_order', 'create_refund'],
  'account-help': ['get_customer', 'update_email'],
};

/**
 * Build the tools array for one task: only the tools it needs, in a stable order
 * (the cache matches prefixes byte for byte), with a cache breakpoint on the last
 * tool so the definitions are cached along with everything before them.
 */
export function toolsForTask(task: string, registry: ReadonlyMap<string, Anthropic.Tool>): Anthropic.Tool[] {
  const names = TOOLS_BY_TASK[task];
  if (names === undefined) throw new Error(`No tool list configured for task ${task}`);
  const tools = [...names].sort().map((name) => {
    const tool = registry.get(name);
    if (tool === undefined) throw new Error(`Tool ${name} is not registered`);
    return { ...tool };
  });
  const last = tools[tools.length - 1];
  if (last !== undefined) last.cache_control = { type: 'ephemeral' };
  return tools;
}
