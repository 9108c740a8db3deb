import { createHash } from 'node:crypto';

export interface Rollout {
  /** Name of this rollout; a new name reshuffles who is in the first percent. */
  name: string;
  from: string;
  to: string;
  /** 0..100, may have decimals (0.5 = one request key in two hundred). */
  percent: number;
}

/** Stable bucket 0..9999 for a key: the same user always lands in the same bucket. */
export function bucket(rolloutName: string, key: string): number {
  const digest = createHash('sha256').update(`${rolloutName}:${key}`).digest();
  return digest.readUInt32BE(0) % 10_000;
}

/**
 * Pick the model for one request. Key by user, account or conversation id, never
 * by request id: a conversation must not flip between models mid-way, and a user
 * should not see the answer quality change from one message to the next.
 * Raising `percent` only ever adds users to the new model; nobody flips back.
 */
export function modelFor(rollout: Rollout, key: string): string {
  const threshold = Math.round(Math.min(100, Math.max(0, rollout.percent)) * 100);
  return bucket(rollout.name, key) < threshold ? rollout.to : rollout.from;
}

/** A typical schedule; advance only while the guardrail metrics hold. */
export const STAGES = [1, 5, 25, 50, 100] as const;
