// Expected hourly cost of one cached prefix: no cache vs a 5-minute vs a 1-hour TTL.
// Requests that share the prefix arrive at random (Poisson) at `perHour`. A request
// finds the cache warm if the previous one came within the TTL, assuming every hit
// refreshes the TTL (documented for the 5-minute cache).
// Prices are USD per million tokens for YOUR model; take them from the pricing page.

export interface PrefixPrices {
  input: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
}

export interface PrefixCost {
  noCache: number;
  ttl5m: number;
  ttl1h: number;
  hitRate5m: number;
  hitRate1h: number;
}

export function prefixCostPerHour(
  prefixTokens: number,
  perHour: number,
  p: PrefixPrices,
): PrefixCost {
  if (!(prefixTokens >= 0 && perHour >= 0)) throw new RangeError('need non-negative numbers');
  const mtok = prefixTokens / 1_000_000;
  const perMinute = perHour / 60;
  const hitRate = (ttlMinutes: number) => 1 - Math.exp(-perMinute * ttlMinutes);
  const withTtl = (hit: number, writePrice: number) =>
    perHour * mtok * (hit * p.cacheRead + (1 - hit) * writePrice);
  const hit5 = hitRate(5);
  const hit60 = hitRate(60);
  return {
    noCache: perHour * mtok * p.input,
    ttl5m: withTtl(hit5, p.cacheWrite5m),
    ttl1h: withTtl(hit60, p.cacheWrite1h),
    hitRate5m: hit5,
    hitRate1h: hit60,
  };
}

/** Reads needed before a write pays for itself, from the model's own prices. */
export function readsToBreakEven(p: PrefixPrices, ttl: '5m' | '1h'): number {
  const extra = (ttl === '5m' ? p.cacheWrite5m : p.cacheWrite1h) - p.input; // premium paid on the write
  const saving = p.input - p.cacheRead; // saved on every read
  return Math.ceil(extra / saving);
}
