/**
 * Sources that agree form one side. Each claim (a figure, a date) is read as the values it allows, an
 * interval; claims whose intervals meet can all be true together, and in one dimension intervals that
 * meet pairwise share one value (Helly), so the largest side is the set of claims containing the value
 * that the most sources allow. What is left forms the other sides, found the same way.
 *
 * Linear in the claims after sorting: the value the most sources allow is found by one sweep over the
 * intervals' ends. The largest sides are found that way one after the other; past a few, what is left
 * is split into sides by one more sweep (every claim is on a side, and the cost stays n log n).
 */

export interface Interval {
  lo: number;
  hi: number;
}

export interface Claim<T> {
  item: T;
  span: Interval;
  /** Who makes the claim: the source id. */
  source: string;
  /** Whose account it is: copies of one wire story share an account. */
  account: string;
  /** Where the claim comes first in the document (for stable order among equals). */
  order: number;
  /** Among equals, a claim from the body of an article outweighs one from its headline. */
  weight?: number;
}

export interface Side<T> {
  members: Claim<T>[];
  /** Distinct sources, in document order. */
  sources: string[];
  /** Independent accounts: copies of one wire story count once. */
  accounts: number;
  /** The values every member allows. */
  common: Interval;
}

/** The members that allow the value most sources allow (ties: the lowest such value). */
function largestAgreement<T>(claims: readonly Claim<T>[]): Claim<T>[] {
  // Events: each interval opens at lo and closes after hi; at equal positions openings come first.
  const events: { at: number; open: boolean; c: Claim<T> }[] = [];
  for (const c of claims) {
    events.push({ at: c.span.lo, open: true, c });
    events.push({ at: c.span.hi, open: false, c });
  }
  events.sort((a, b) => a.at - b.at || (a.open === b.open ? 0 : a.open ? -1 : 1));
  const perSource = new Map<string, number>();
  let sources = 0;
  let members = 0;
  let best = -1;
  let bestMembers = -1;
  let bestAt = NaN;
  for (const e of events) {
    const n = perSource.get(e.c.source) ?? 0;
    if (e.open) {
      perSource.set(e.c.source, n + 1);
      if (n === 0) sources++;
      members++;
      if (sources > best || (sources === best && members > bestMembers)) {
        best = sources;
        bestMembers = members;
        bestAt = e.at;
      }
    } else {
      perSource.set(e.c.source, n - 1);
      if (n === 1) sources--;
      members--;
    }
  }
  return Number.isNaN(bestAt) ? [] : claims.filter((c) => c.span.lo <= bestAt && bestAt <= c.span.hi);
}

function makeSide<T>(members: Claim<T>[]): Side<T> {
  const ordered = [...members].sort((a, b) => a.order - b.order);
  let lo = -Infinity;
  let hi = Infinity;
  for (const m of ordered) {
    if (m.span.lo > lo) lo = m.span.lo;
    if (m.span.hi < hi) hi = m.span.hi;
  }
  return {
    members: ordered,
    sources: [...new Set(ordered.map((m) => m.source))],
    accounts: new Set(ordered.map((m) => m.account)).size,
    common: { lo, hi },
  };
}

/** Sides found one by one, each the largest agreement of what is left; the rest by one sweep. */
const LARGEST_FIRST = 16;

/**
 * The claims left after the largest sides, as sides of their own: each side is every claim left that
 * allows the lowest upper bound among them (intervals sorted twice, one pass: n log n however many
 * sides there are). Every claim lands on a side, so every disagreement is reported.
 */
function sweepSides<T>(claims: readonly Claim<T>[]): Claim<T>[][] {
  const byHi = [...claims].sort((a, b) => a.span.hi - b.span.hi || a.order - b.order);
  const byLo = [...claims].sort((a, b) => a.span.lo - b.span.lo || a.order - b.order);
  const taken = new Set<Claim<T>>();
  const out: Claim<T>[][] = [];
  let next = 0;
  for (const first of byHi) {
    if (taken.has(first)) continue;
    // Every claim left that opens at or before this upper bound also reaches it (its own upper bound is not lower).
    const at = first.span.hi;
    const side: Claim<T>[] = [];
    while (next < byLo.length && byLo[next].span.lo <= at) {
      const c = byLo[next++];
      if (taken.has(c)) continue;
      taken.add(c);
      side.push(c);
    }
    out.push(side);
  }
  return out;
}

/** The sides of the claims, largest first (by independent accounts, then sources, then weight, then order). */
export function sidesOf<T>(claims: readonly Claim<T>[]): Side<T>[] {
  const sides: Side<T>[] = [];
  let rest = claims.filter((c) => !(c.span.lo > c.span.hi));
  // The largest sides one pass each (n log n a pass); beyond a few, the rest are outliers, found by one sweep.
  while (rest.length && sides.length < LARGEST_FIRST) {
    const side = largestAgreement(rest);
    if (side.length === 0) break;
    sides.push(makeSide(side));
    const taken = new Set(side);
    rest = rest.filter((c) => !taken.has(c));
  }
  if (rest.length) for (const side of sweepSides(rest)) sides.push(makeSide(side));
  const heaviest = (s: Side<T>) => {
    let w = 0;
    for (const m of s.members) if ((m.weight ?? 0) > w) w = m.weight ?? 0;
    return w;
  };
  const keys = new Map(sides.map((s) => [s, { order: s.members[0].order, weight: heaviest(s) }]));
  return sides.sort((a, b) => b.accounts - a.accounts || b.sources.length - a.sources.length || keys.get(b)!.weight - keys.get(a)!.weight || keys.get(a)!.order - keys.get(b)!.order);
}

/** The distance between two intervals (0 when they meet). */
export function gap(a: Interval, b: Interval): number {
  return a.hi < b.lo ? b.lo - a.hi : b.hi < a.lo ? a.lo - b.hi : 0;
}
