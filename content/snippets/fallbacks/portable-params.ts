// Check a request before it goes to a fallback cloud, so a missing feature is
// found in CI or at startup instead of as a 400 in the middle of an outage.
// Bedrock and Vertex AI have no Message Batches, Files or Models APIs and no
// `inference_geo`; Bedrock also lacks the web search, web fetch and code
// execution server tools.
import type Anthropic from '@anthropic-ai/sdk';

export type Cloud = 'anthropic' | 'bedrock' | 'vertex';
type Params = Anthropic.MessageCreateParamsNonStreaming;

const SERVER_TOOLS_MISSING_ON_BEDROCK = ['web_search', 'web_fetch', 'code_execution'];

/** Problems that would make `params` fail on `cloud`; empty when the request is portable. */
export function portabilityProblems(params: Params, cloud: Cloud): string[] {
  if (cloud === 'anthropic') return [];
  const problems: string[] = [];
  if (params.inference_geo != null) {
    problems.push('inference_geo is Claude API only: drop it and pick the region with the endpoint instead');
  }
  for (const tool of params.tools ?? []) {
    const type = 'type' in tool && typeof tool.type === 'string' ? tool.type : 'custom';
    if (cloud === 'bedrock' && SERVER_TOOLS_MISSING_ON_BEDROCK.some((t) => type.startsWith(t))) {
      problems.push(`server tool ${type} is not available on Bedrock`);
    }
  }
  params.messages.forEach((message, i) => {
    if (typeof message.content === 'string') return;
    message.content.forEach((block, j) => {
      if ((block.type === 'document' || block.type === 'image') && block.source.type === 'file') {
        problems.push(`messages.${i}.content.${j} references the Files API, which ${cloud} does not have`);
      }
    });
  });
  return problems;
}

/** The request for a fallback cloud: strips what only changes routing, refuses what would change the answer. */
export function forCloud(params: Params, cloud: Cloud): Params {
  const { inference_geo: _geo, ...rest } = params;
  const portable: Params = cloud === 'anthropic' ? params : rest;
  const problems = portabilityProblems(portable, cloud);
  if (problems.length > 0) throw new Error(`request cannot fall back to ${cloud}: ${problems.join('; ')}`);
  return portable;
}
