// A fault-injecting stand-in for the Claude Messages API, for tests.
//
// It listens on 127.0.0.1 on a random free port and speaks enough of
// `POST /v1/messages` (JSON and SSE) and `POST /v1/messages/count_tokens` for
// `@anthropic-ai/sdk`. Each test scripts the replies (a queue, or a function of
// the request) and can assert on every request it received.
//
// Shapes follow the real API (Anthropic's errors and streaming pages): error
// bodies are `{"type":"error","error":{"type","message"},"request_id":"req_…"}`
// with the same id in the `request-id` header; streams send message_start,
// content_block_start, content_block_delta…, content_block_stop, message_delta,
// message_stop, and an `error` event can arrive after the 200.
//
// Paths: any path that ends in `/v1/messages` or `/v1/messages/count_tokens`
// is accepted, so clients can be told apart by a base-URL prefix
// (e.g. `${url}/bedrock`). Vertex-style paths that carry the model in the URL
// (`…/publishers/anthropic/models/<model>:rawPredict` and `:streamRawPredict`)
// are accepted too, with the model taken from the URL.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

// Captured at import time so that a test using fake timers cannot freeze the server.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

export interface RecordedRequest {
  /** 1-based arrival order. */
  seq: number;
  method: string;
  path: string;
  /** Leading part of the path before `/v1/...`, e.g. `/bedrock`; '' for the plain API. */
  prefix: string;
  kind: 'messages' | 'count_tokens' | 'other';
  /** From the body, or from the URL for Vertex-style paths. */
  model: string | undefined;
  stream: boolean;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  /** Input tokens by this server's tokenizer (whitespace-separated words). */
  inputTokens: number;
  /** Date.now() when the request arrived. */
  startedAt: number;
  /** Date.now() when the response finished or the client went away. */
  endedAt: number | undefined;
  /** True when the client closed the connection before the response was complete. */
  aborted: boolean;
  /** Resolves when the response is finished or abandoned. */
  done: Promise<void>;
}

/** A content block of a scripted reply; text is streamed one word per delta. */
export type Block =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string }
  | { type: 'tool_use'; name: string; input: Record<string, unknown> };

export type Reply =
  | {
      kind: 'message';
      text: string;
      /** Blocks instead of one text block (thinking-first, tool_use-only…). */
      blocks?: Block[];
      stopDetails?: Record<string, unknown>;
      /** usage.inference_geo to report; by default the request's inference_geo is echoed. */
      inferenceGeo?: string;
      /** Wait this long before sending the status line and headers. */
      delayMs?: number;
      /** Streaming only: wait this long after message_start before the first text delta. */
      ttftMs?: number;
      /** Streaming only: wait after a thinking block before the next block (thinking takes time, text comes after). */
      thinkMs?: number;
      /** Streaming only: wait between text deltas. */
      interDeltaMs?: number;
      stopReason?: 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal';
    }
  | {
      kind: 'error';
      status: number;
      errorType: string;
      message: string;
      details?: Record<string, unknown>;
      headers?: Record<string, string>;
      delayMs?: number;
      /** A body in another shape than Anthropic's (Bedrock, Vertex); replaces the error envelope. */
      rawBody?: unknown;
    }
  | {
      /** The connection is reset after the status line and part of the body. */
      kind: 'reset';
      stream: boolean;
    }
  | {
      /** HTTP 200 and a stream that breaks with an `error` event after some text. */
      kind: 'stream-error';
      textBefore: string;
      errorType: string;
      message: string;
    }
  | { kind: 'count'; inputTokens: number };

type Handler = (req: RecordedRequest) => Reply | undefined;

// ---- reply builders (messages copied from the reference, see claude-facts.md §3–4) ----

export const reply = {
  ok(text = 'ok', extra: { delayMs?: number; ttftMs?: number; interDeltaMs?: number } = {}): Reply {
    return { kind: 'message', text, ...extra };
  },
  /** 429 for the organisation's own rate limit: has `retry-after` and the `anthropic-ratelimit-*` headers. */
  rateLimited(opts: { retryAfterSeconds: number; model?: string; limit?: number; delayMs?: number }): Reply {
    const limit = opts.limit ?? 50_000;
    const reset = new Date(Date.now() + opts.retryAfterSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      kind: 'error',
      status: 429,
      errorType: 'rate_limit_error',
      message:
        `This request would exceed your organization's rate limit of ${limit.toLocaleString('en-US')} input tokens per minute ` +
        `(org: 00000000-0000-4000-8000-000000000000, model: ${opts.model ?? 'claude-haiku-4-5-20251001'}).`,
      headers: {
        'retry-after': String(opts.retryAfterSeconds),
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-requests-remaining': '49',
        'anthropic-ratelimit-requests-reset': reset,
        'anthropic-ratelimit-input-tokens-limit': String(limit),
        'anthropic-ratelimit-input-tokens-remaining': '0',
        'anthropic-ratelimit-input-tokens-reset': reset,
        'anthropic-ratelimit-output-tokens-limit': '10000',
        'anthropic-ratelimit-output-tokens-remaining': '10000',
        'anthropic-ratelimit-output-tokens-reset': reset,
        'anthropic-ratelimit-tokens-limit': String(limit + 10_000),
        'anthropic-ratelimit-tokens-remaining': '10000',
        'anthropic-ratelimit-tokens-reset': reset,
      },
      ...(opts.delayMs === undefined ? {} : { delayMs: opts.delayMs }),
    };
  },
  /** 429 for the monthly tier spend cap: `details.error_code`, and no `retry-after`. */
  spendCap(regainOn = '2026-12-01'): Reply {
    return {
      kind: 'error',
      status: 429,
      errorType: 'rate_limit_error',
      message:
        'You have reached your API usage limits: your organization has crossed its monthly API usage threshold, ' +
        `set based on your organization's API tier. You will regain access on ${regainOn} at 00:00 UTC.`,
      details: { error_code: 'enforced_spend_limit_reached' },
    };
  },
  /** 429 for a contract's spend limit: `details.error_code` `contract_spend_limit_reached`, no `retry-after`. */
  contractSpendCap(): Reply {
    return {
      kind: 'error',
      status: 429,
      errorType: 'rate_limit_error',
      message: 'Your organization has reached the spend limit of its contract.',
      details: { error_code: 'contract_spend_limit_reached' },
    };
  },
  /** 429 for a ramp (acceleration) limit: `ramp_limit_exceeded` with `retry-after`. */
  rampLimited(retryAfterSeconds = 1): Reply {
    return {
      kind: 'error',
      status: 429,
      errorType: 'rate_limit_error',
      message: 'This request would exceed a ramp limit, which caps how fast usage can grow.',
      details: { error_code: 'ramp_limit_exceeded' },
      headers: { 'retry-after': String(retryAfterSeconds) },
    };
  },
  /** 503 while a workspace is being connected to its storage: transient. */
  storageNotReady(): Reply {
    return {
      kind: 'error',
      status: 503,
      errorType: 'api_error',
      message: "This workspace isn't ready yet: it's still being connected to its storage. Try again in a few minutes.",
      details: { error_code: 'storage_not_ready' },
    };
  },
  /** Bedrock's throttle as it reaches a client: 429, `x-amzn-errortype`, an AWS body, no `retry-after`. Message from
   * github.com/hyunhwan-bcm/MARRVEL_MCP/issues/225. */
  bedrockThrottle(): Reply {
    return {
      kind: 'error',
      status: 429,
      errorType: 'ThrottlingException',
      message: 'Too many tokens, please wait before trying again.',
      headers: { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/' },
      rawBody: { message: 'Too many tokens, please wait before trying again.' },
    };
  },
  /** Vertex AI's quota error: 429, a Google body with status RESOURCE_EXHAUSTED, no `retry-after`.
   * Message from github.com/vercel/ai/issues/2441. */
  vertexResourceExhausted(): Reply {
    const message =
      'Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model with base model: anthropic-claude-3-5-sonnet. Please submit a quota increase request. https://cloud.google.com/vertex-ai/docs/generative-ai/quotas-genai.';
    return { kind: 'error', status: 429, errorType: 'RESOURCE_EXHAUSTED', message, rawBody: { error: { code: 429, message, status: 'RESOURCE_EXHAUSTED' } } };
  },
  /** HTTP 200 with `stop_reason: "refusal"` and `stop_details`, as current models decline. */
  refusal(opts: { category?: string | null; creditToken?: string | null; delayMs?: number } = {}): Reply {
    return {
      kind: 'message',
      text: '',
      blocks: [],
      stopReason: 'refusal',
      stopDetails: {
        type: 'refusal',
        category: opts.category === undefined ? 'cyber' : opts.category,
        explanation: null,
        ...(opts.creditToken === undefined ? {} : { fallback_credit_token: opts.creditToken }),
      },
      ...(opts.delayMs === undefined ? {} : { delayMs: opts.delayMs }),
    };
  },
  /** A reply that is only a tool call (normal in agents): no text at all. */
  toolUseOnly(extra: { delayMs?: number; ttftMs?: number } = {}): Reply {
    return { kind: 'message', text: '', blocks: [{ type: 'tool_use', name: 'lookup', input: { q: 'x' } }], stopReason: 'tool_use', ...extra };
  },
  /** Thinking first, then text, as with adaptive thinking on. `thinkMs` is the wait before the text block. */
  thinkingFirst(text = 'answer', extra: { thinkMs?: number; ttftMs?: number; interDeltaMs?: number; delayMs?: number } = {}): Reply {
    return { kind: 'message', text, blocks: [{ type: 'thinking', thinking: 'let me think' }, { type: 'text', text }], ...extra };
  },
  truncated(text = 'cut off'): Reply {
    return { kind: 'message', text, stopReason: 'max_tokens' };
  },
  reset(stream = false): Reply {
    return { kind: 'reset', stream };
  },
  overloaded(extra: { delayMs?: number } = {}): Reply {
    return { kind: 'error', status: 529, errorType: 'overloaded_error', message: 'Overloaded', ...extra };
  },
  apiError(): Reply {
    return { kind: 'error', status: 500, errorType: 'api_error', message: 'Internal server error' };
  },
  promptTooLong(tokens: number, maximum: number): Reply {
    return {
      kind: 'error',
      status: 400,
      errorType: 'invalid_request_error',
      message: `prompt is too long: ${tokens} tokens > ${maximum} maximum`,
    };
  },
  /** 404 for a model id the API does not serve (retired, misspelled). */
  notFound(model: string): Reply {
    return { kind: 'error', status: 404, errorType: 'not_found_error', message: `model: ${model}` };
  },
  streamError(textBefore = 'Partial ', errorType = 'overloaded_error', message = 'Overloaded'): Reply {
    return { kind: 'stream-error', textBefore, errorType, message };
  },
  count(inputTokens: number): Reply {
    return { kind: 'count', inputTokens };
  },
};

// ---- the server ----

export interface FaultServerOptions {
  /** When set, any messages request whose input exceeds it gets the real 400 "prompt is too long". */
  contextWindow?: number;
}

export interface FaultServer {
  /** e.g. http://127.0.0.1:43121 — use as the client's baseURL. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Replies used in order, one per messages request, before the handler. */
  enqueue(...replies: Reply[]): void;
  /** Fallback for requests the queue does not cover; return undefined for the default reply. */
  respond(handler: Handler): void;
  /** Messages requests only (count_tokens excluded). */
  messageRequests(): RecordedRequest[];
  /** Drop queued replies that were not used and the handler, e.g. between property-test runs. */
  reset(): void;
  close(): Promise<void>;
}

/** The server's tokenizer: one token per whitespace-separated word of every text in the prompt. */
export function countTokens(body: Record<string, unknown>): number {
  const texts: string[] = [];
  const collect = (content: unknown): void => {
    if (typeof content === 'string') texts.push(content);
    else if (Array.isArray(content)) {
      for (const block of content) {
        if (block && typeof block === 'object' && typeof (block as { text?: unknown }).text === 'string') {
          texts.push((block as { text: string }).text);
        }
      }
    }
  };
  collect(body['system']);
  const messages = body['messages'];
  if (Array.isArray(messages)) for (const m of messages) collect((m as { content?: unknown }).content);
  return texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
}

function id(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parsePath(path: string): { kind: RecordedRequest['kind']; prefix: string; urlModel?: string; stream?: boolean } {
  const vertex = /^(.*)\/publishers\/anthropic\/models\/([^/:]+):(rawPredict|streamRawPredict|count-tokens:rawPredict)$/.exec(path);
  if (vertex) {
    return { kind: 'messages', prefix: vertex[1] ?? '', urlModel: decodeURIComponent(vertex[2] ?? ''), stream: vertex[3] === 'streamRawPredict' };
  }
  const m = /^(.*)\/v1\/messages(\/count_tokens)?$/.exec(path);
  if (m) return { kind: m[2] ? 'count_tokens' : 'messages', prefix: m[1] ?? '' };
  return { kind: 'other', prefix: '' };
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  let handler: Handler = () => undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  // A wait that ends early if the client goes away.
  const wait = (ms: number, res: ServerResponse): Promise<boolean> =>
    new Promise((resolve) => {
      if (ms <= 0) return resolve(!res.destroyed);
      const t = realSetTimeout(() => {
        timers.delete(t);
        res.off('close', onClose);
        resolve(!res.destroyed);
      }, ms);
      timers.add(t);
      const onClose = (): void => {
        realClearTimeout(t);
        timers.delete(t);
        resolve(false);
      };
      res.once('close', onClose);
    });

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const requestId = id('req');
    const payload = JSON.stringify(
      body && typeof body === 'object' && (body as { type?: unknown }).type === 'error' ? { ...body, request_id: requestId } : body,
    );
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, ...headers });
    res.end(payload);
  };

  const handle = async (res: ServerResponse, rec: RecordedRequest, reply: Reply): Promise<void> => {
    if (reply.kind === 'count') {
      sendJson(res, 200, { input_tokens: reply.inputTokens });
      return;
    }
    if (reply.kind === 'error') {
      if (!(await wait(reply.delayMs ?? 0, res))) return;
      sendJson(
        res,
        reply.status,
        reply.rawBody ?? {
          type: 'error',
          error: { type: reply.errorType, message: reply.message, ...(reply.details ? { details: reply.details } : {}) },
        },
        reply.headers,
      );
      return;
    }
    if (reply.kind === 'reset') {
      // Headers and half a body, then the socket dies: what a proxy or a dropped link does.
      res.writeHead(200, { 'content-type': reply.stream ? 'text/event-stream' : 'application/json', 'request-id': id('req') });
      res.write(reply.stream ? 'event: message_start\ndata: {"type":"message_st' : '{"id":"msg_01","type":"mess');
      realSetTimeout(() => res.socket?.destroy(), 5);
      return;
    }
    if (rec.kind === 'count_tokens') {
      sendJson(res, 200, { input_tokens: rec.inputTokens });
      return;
    }
    const model = rec.model ?? 'unknown';
    const blocks: Block[] =
      reply.kind === 'message' ? (reply.blocks ?? [{ type: 'text', text: reply.text }]) : [{ type: 'text', text: reply.textBefore }];
    const outputWords = blocks.reduce((n, b) => n + (b.type === 'text' ? b.text.split(/(?<= )/).length : b.type === 'thinking' ? 1 : 3), 0);
    const geo = (reply.kind === 'message' ? reply.inferenceGeo : undefined) ?? rec.body['inference_geo'];
    const usage = {
      input_tokens: rec.inputTokens,
      output_tokens: outputWords,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      ...(typeof geo === 'string' ? { inference_geo: geo } : {}),
    };
    const toolIds = blocks.map(() => id('toolu'));
    const fullBlock = (b: Block, i: number): Record<string, unknown> =>
      b.type === 'text'
        ? { type: 'text', text: b.text, citations: null }
        : b.type === 'thinking'
          ? { type: 'thinking', thinking: b.thinking, signature: 'sig' }
          : { type: 'tool_use', id: toolIds[i], name: b.name, input: b.input };
    const message = {
      id: id('msg'),
      type: 'message',
      role: 'assistant',
      model,
      content: blocks.map(fullBlock),
      stop_reason: reply.kind === 'message' ? (reply.stopReason ?? 'end_turn') : null,
      stop_sequence: null,
      ...(reply.kind === 'message' && reply.stopDetails ? { stop_details: reply.stopDetails } : { stop_details: null }),
      usage,
    };
    if (reply.kind === 'message' && !(await wait(reply.delayMs ?? 0, res))) return;
    if (!rec.stream) {
      sendJson(res, 200, message);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': id('req') });
    const event = (name: string, data: unknown): void => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    event('message_start', {
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, stop_details: null, usage: { ...usage, output_tokens: 1 } },
    });
    if (reply.kind === 'message' && !(await wait(reply.ttftMs ?? 0, res))) return;
    for (const [index, b] of blocks.entries()) {
      const start =
        b.type === 'text'
          ? { type: 'text', text: '', citations: null }
          : b.type === 'thinking'
            ? { type: 'thinking', thinking: '', signature: '' }
            : { type: 'tool_use', id: toolIds[index], name: b.name, input: {} };
      if (index > 0 && blocks[index - 1]?.type === 'thinking' && reply.kind === 'message' && !(await wait(reply.thinkMs ?? 0, res))) return;
      event('content_block_start', { type: 'content_block_start', index, content_block: start });
      if (index === 0) event('ping', { type: 'ping' });
      if (b.type === 'text') {
        for (const [i, word] of b.text.split(/(?<= )/).entries()) {
          if (i > 0 && reply.kind === 'message' && !(await wait(reply.interDeltaMs ?? 0, res))) return;
          event('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: word } });
        }
      } else if (b.type === 'thinking') {
        event('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: b.thinking } });
        event('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: 'sig' } });
      } else {
        event('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(b.input) } });
      }
      if (reply.kind === 'stream-error') {
        event('error', { type: 'error', error: { type: reply.errorType, message: reply.message } });
        res.end();
        return;
      }
      event('content_block_stop', { type: 'content_block_stop', index });
    }
    event('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason, stop_sequence: null, stop_details: message.stop_details },
      usage: { output_tokens: usage.output_tokens },
    });
    event('message_stop', { type: 'message_stop' });
    res.end();
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = await readBody(req);
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const parsed = parsePath(url.pathname);
      let finish!: () => void;
      const rec: RecordedRequest = {
        seq: requests.length + 1,
        method: req.method ?? 'GET',
        path: url.pathname,
        prefix: parsed.prefix,
        kind: parsed.kind,
        model: parsed.urlModel ?? (typeof body['model'] === 'string' ? body['model'] : undefined),
        stream: parsed.stream ?? body['stream'] === true,
        headers: { ...req.headers },
        body,
        inputTokens: countTokens(body),
        startedAt: Date.now(),
        endedAt: undefined,
        aborted: false,
        done: new Promise<void>((resolve) => (finish = resolve)),
      };
      requests.push(rec);
      res.on('close', () => {
        rec.endedAt = Date.now();
        rec.aborted = !res.writableFinished;
        finish();
      });
      if (rec.kind === 'other' || req.method !== 'POST') {
        sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: `Not found: ${url.pathname}` } });
        return;
      }
      // The queue scripts messages requests only; count_tokens goes to the handler or the default.
      let next = (rec.kind === 'messages' ? queue.shift() : undefined) ?? handler(rec);
      if (!next && rec.kind === 'messages' && options.contextWindow !== undefined && rec.inputTokens > options.contextWindow) {
        next = reply.promptTooLong(rec.inputTokens, options.contextWindow);
      }
      await handle(res, rec, next ?? reply.ok(`ok from ${rec.model ?? 'unknown'}`));
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { type: 'error', error: { type: 'api_error', message: String(err) } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    respond: (h) => void (handler = h),
    messageRequests: () => requests.filter((r) => r.kind === 'messages'),
    reset: () => {
      queue.length = 0;
      handler = () => undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) realClearTimeout(t);
        timers.clear();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
