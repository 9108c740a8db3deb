// Cross-cloud fallback: the same model on the Claude API, then Amazon Bedrock, then Google Vertex AI.
//
// Each cloud has its own capacity, its own quotas and its own bill, so an
// overloaded or rate-limited model on one is often fine on another. The model id
// differs per cloud (from the catalogue); the request body stays the same.
//
// Wire the real clients like this (the cloud SDKs are separate packages):
//   anthropic: new Anthropic({ maxRetries: 0 })
//   bedrock:   new AnthropicBedrock({ awsRegion: 'us-east-1', maxRetries: 0 })   // @anthropic-ai/bedrock-sdk
//   vertex:    new AnthropicVertex({ projectId, region: 'global', maxRetries: 0 }) // @anthropic-ai/vertex-sdk
//
// Keep the fallback request to features every cloud has: Bedrock and Vertex lack
// some API features (Message Batches, Files, `inference_geo`, and on Bedrock the
// web search, web fetch and code execution tools). Such a request gets a 400 there,
// and a 400 ends the chain, so test the fallback path before you need it.
import type Anthropic from '@anthropic-ai/sdk';
import { isRetryable, isSpendCap } from './retry.ts';
import { RefusalError, isRefusal } from './refusal.ts';
import { bedrockProfileId, modelId, type BedrockGeo, type Cloud } from './routing.ts';

type Params = Anthropic.MessageCreateParamsNonStreaming;

/** What the three SDK clients have in common. */
export interface MessagesClient {
  messages: { create(params: Params, options?: Anthropic.RequestOptions): PromiseLike<Anthropic.Message> };
}

export interface CloudTarget {
  cloud: Cloud;
  client: MessagesClient;
  model: string;
}

/** One catalogue model on every cloud, in order of preference; on Bedrock its inference profile, as on-demand calls need. */
export function sameModelOnEachCloud(key: string, clients: Record<Cloud, MessagesClient>, bedrockGeo: BedrockGeo = 'us'): CloudTarget[] {
  return (['anthropic', 'bedrock', 'vertex'] as const).map((cloud) => ({
    cloud,
    client: clients[cloud],
    model: cloud === 'bedrock' ? bedrockProfileId(key, bedrockGeo) : modelId(key, cloud),
  }));
}

/**
 * Worth trying the next cloud: overload, 5xx, timeouts, throttles (Claude API rate
 * limits, Bedrock ThrottlingException, Vertex RESOURCE_EXHAUSTED), and also a spend
 * cap, which binds one cloud's bill and not the others'. Not a 400 or 404.
 */
export function shouldSwitchCloud(error: unknown): boolean {
  return isRetryable(error) || isSpendCap(error);
}

export interface CrossCloudResult {
  message: Anthropic.Message;
  cloud: Cloud;
  model: string;
  failures: { cloud: Cloud; error: unknown }[];
}

export async function crossCloud(
  targets: readonly CloudTarget[],
  params: Omit<Params, 'model'>,
  { timeoutMs = 60_000 }: { timeoutMs?: number } = {},
): Promise<CrossCloudResult> {
  const failures: CrossCloudResult['failures'] = [];
  for (const { cloud, client, model } of targets) {
    try {
      const message = await client.messages.create({ ...params, model }, { timeout: timeoutMs, maxRetries: 0 });
      // The same model declines the same request on every cloud: hand the refusal to a model fallback instead.
      if (isRefusal(message)) throw new RefusalError(message, model);
      return { message, cloud, model, failures };
    } catch (error) {
      if (error instanceof RefusalError || !shouldSwitchCloud(error)) throw error;
      failures.push({ cloud, error });
    }
  }
  throw new AggregateError(
    failures.map((f) => f.error),
    `all clouds failed: ${failures.map((f) => f.cloud).join(', ')}`,
  );
}
