import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findModel } from '../../src/lib/catalogue.ts';
import { legacyMark, modelList } from '../../src/lib/error-legacy.ts';

describe('legacy marks on error pages', () => {
  it('marks an entry legacy when none of its models is current, from the catalogue statuses', () => {
    const mark = legacyMark(['sonnet-4-6', 'opus-4-6'], findModel)!;
    expect(mark.legacy).toBe(true);
    expect(modelList(mark)).toMatch(/^Claude Sonnet 4\.6 \(legacy\), Claude Opus 4\.6 \(legacy\)$/);
    expect(legacyMark(['sonnet-4-6', 'sonnet-5-5'], findModel)!.legacy).toBe(false);
    expect(legacyMark(undefined, findModel)).toBeNull();
    expect(legacyMark(['nope'], findModel)).toEqual({ legacy: false, models: [], unknown: ['nope'] });
  });
  it('the Sonnet 4.x long-context beta page is marked legacy', () => {
    const entry = parse(readFileSync(join(import.meta.dirname, '../../content/errors/long-context-unavailable.yaml'), 'utf8'));
    const mark = legacyMark(entry.onlyModels.models, findModel)!;
    expect(mark.unknown).toEqual([]);
    expect(mark.legacy).toBe(true);
  });
});
