import { describe, expect, it } from 'vitest';
import { FaultPlan } from '../../../src/devtenant/throttling/fault-plan.ts';
import { faultSettingsSchema } from '../../../src/devtenant/throttling/fault-settings.ts';

const plan = (input: unknown) => new FaultPlan(faultSettingsSchema.parse(input));
const subject = (key: string) => ({ method: 'GET', path: '/users/x/events', key, inScope: true });

describe('FaultPlan', () => {
  it('draws seeded jitter within [fixedMs, fixedMs + jitterMs], the same for the same seed', () => {
    const settings = { seed: 9, latency: { fixedMs: 100, jitterMs: 50 } };
    const a = plan(settings);
    const b = plan(settings);
    const latencies = Array.from({ length: 300 }, () => a.decide(subject('app|m')).latencyMs);
    expect(Array.from({ length: 300 }, () => b.decide(subject('app|m')).latencyMs)).toEqual(latencies);
    expect(Math.min(...latencies)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(150);
    // Spread over the range, not a constant.
    expect(new Set(latencies).size).toBeGreaterThan(30);
    const other = plan({ ...settings, seed: 10 });
    expect(Array.from({ length: 300 }, () => other.decide(subject('app|m')).latencyMs)).not.toEqual(latencies);
  });

  it('numbers requests per key, or globally with sequence "global"', () => {
    const perMailbox = plan({});
    expect([perMailbox.decide(subject('a')).k, perMailbox.decide(subject('b')).k, perMailbox.decide(subject('a')).k]).toEqual([1, 1, 2]);
    const global = plan({ sequence: 'global' });
    expect([global.decide(subject('a')).k, global.decide(subject('b')).k, global.decide(subject('a')).k]).toEqual([1, 2, 3]);
    expect(global.decide({ ...subject('a'), inScope: false }).k).toBe(0);
  });

  it('gives the k-th request the same fate in global sequence whatever the keys', () => {
    const settings = { sequence: 'global', seed: 3, errors: { rate503: 0.5 } };
    const x = plan(settings);
    const y = plan(settings);
    const fx = Array.from({ length: 50 }, (_, i) => x.decide(subject(`k${i}`)).outcome.kind);
    const fy = Array.from({ length: 50 }, () => y.decide(subject('same')).outcome.kind);
    expect(fy).toEqual(fx);
    expect(fx).toContain('error');
    expect(fx).toContain('pass');
  });
});
