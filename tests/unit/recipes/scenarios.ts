// The scenario table shared by the TypeScript tests and the Python runner (tests/support/python/run_scenarios.py).
import { readFileSync } from 'node:fs';
import { reply, type Reply } from '../../support/fault-server.ts';

export type ReplySpec = [keyof typeof reply, ...unknown[]];

export interface ClassificationRow {
  name: string;
  reply: ReplySpec;
  stream?: boolean;
  retryable: boolean;
  spendCap: boolean;
  throttle: string;
  policy: [string, string | null];
}
export interface CascadeRow {
  name: string;
  replies: ReplySpec[];
  answeredBy: number | null;
  throws: 'spend-cap' | 'request' | 'exhausted' | null;
  creditOnRetry?: string;
}
export interface DegradeRow {
  name: string;
  replies: ReplySpec[];
  source: 'live' | 'reduced' | 'cache' | 'fallback' | 'throws';
  cached: string | null;
}
export interface Scenarios {
  classification: ClassificationRow[];
  cascade: CascadeRow[];
  degrade: DegradeRow[];
}

export const scenariosPath = new URL('./scenarios.json', import.meta.url);
export const scenarios = JSON.parse(readFileSync(scenariosPath, 'utf8')) as Scenarios;

export function build([name, ...args]: ReplySpec): Reply {
  const builder = reply[name] as (...a: unknown[]) => Reply;
  if (typeof builder !== 'function') throw new Error(`scenarios.json names an unknown reply builder "${String(name)}"`);
  return builder(...args);
}
