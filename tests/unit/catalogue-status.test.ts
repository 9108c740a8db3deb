import { describe, expect, test } from 'vitest';
import { buildDate, hasPassed, lifecycleLine, statusOn, withStatusOn } from '../../src/lib/catalogue-status.ts';
import { BUILD_DATE, declaredModels, models } from '../../content/catalogue.ts';
import type { Figure, ModelStatus } from '../../src/schemas/catalogue.ts';

const fig = <T,>(value: T): Figure<T> => ({ value, source: 'SDK', asOf: '2026-12-01', confidence: 'confirmed' });

describe('status follows dates', () => {
  test('a deprecated model is retired from its retirement day on', () => {
    const status = fig<ModelStatus>('deprecated');
    expect(statusOn(status, fig('2027-01-22'), '2027-01-21').value).toBe('deprecated');
    const after = statusOn(status, fig('2027-01-22'), '2027-01-22');
    expect(after.value).toBe('retired-api');
    expect(after.note).toMatch(/retired on 2027-01-22/);
    expect(statusOn(fig<ModelStatus>('legacy'), fig('2026-01-01'), '2026-12-03').value).toBe('retired-api');
    expect(statusOn(fig<ModelStatus>('current'), undefined, '2030-01-01').value).toBe('current');
  });

  test('the catalogue applies the rule with the build date', () => {
    expect(BUILD_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [i, m] of models.entries()) {
      const declared = declaredModels[i]!;
      if (hasPassed(declared.retires?.value, BUILD_DATE)) expect(m.status.value, m.id).toBe('retired-api');
      else expect(m.status.value, m.id).toBe(declared.status.value);
    }
    // Opus 4.5's (tentative) day, 2027-01-22, as a future build would see it:
    const later = withStatusOn(declaredModels, '2027-02-01');
    expect(later.find((m) => m.id === 'opus-4-5')!.status.value).toBe('retired-api');
    expect(later.find((m) => m.id === 'opus-5-5')!.status.value).toBe('current');
  });

  test('GUIDE_BUILD_DATE pins the build date; a malformed value is ignored', () => {
    expect(buildDate({ GUIDE_BUILD_DATE: '2027-03-04' })).toBe('2027-03-04');
    expect(buildDate({ GUIDE_BUILD_DATE: 'tomorrow' })).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(buildDate({})).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('the lifecycle line never says "retires" about a past date', () => {
  const dep = { status: fig<ModelStatus>('deprecated'), retires: fig('2027-01-22'), eolNotBefore: undefined };
  test('before, on and after the day', () => {
    expect(lifecycleLine(dep, '2027-01-21')).toBe('Deprecated: retires 2027-01-22 (1 day left)');
    expect(lifecycleLine(dep, '2026-12-03')).toBe('Deprecated: retires 2027-01-22 (50 days left)');
    expect(lifecycleLine(dep, '2027-01-22')).toBe('Retired on the Claude API on 2027-01-22');
    expect(lifecycleLine(dep, '2027-06-01')).toBe('Retired on the Claude API on 2027-01-22');
  });
  test('every catalogue model, on every day of the next two years', () => {
    for (let d = 0; d < 730; d += 7) {
      const day = new Date(Date.parse(`${BUILD_DATE}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
      for (const m of declaredModels) {
        const line = lifecycleLine(m, day);
        const m2 = /retires (\d{4}-\d{2}-\d{2})/.exec(line);
        if (m2) expect(m2[1]! > day, `${m.id} on ${day}: ${line}`).toBe(true);
      }
    }
  });
});
