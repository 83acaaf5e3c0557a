/** The sides of the figures of one slot: `../sides` applied to figures read as the values they allow. */
import { type Figure, type SourceRef, findSource } from '../../model/event';
import { type Claim, sidesOf as sidesOfClaims } from '../sides';
import { type ReadingOptions, type Span, comparable, spanOf } from './shared';

export interface Member {
  figure: Figure;
  span: Span;
}

export interface Side {
  members: Member[];
  /** Distinct sources of the side. */
  sources: string[];
  /** Independent accounts: copies of one wire story count once. */
  accounts: number;
  /** The values every member allows: the side's common ground. */
  common: Span;
}

/** The account a source gives: its wire agency when it carries one, else itself. */
export function accountOf(source: string | undefined, sources: readonly SourceRef[]): string {
  const s = findSource(sources, source);
  return s?.wire ? `wire:${s.wire.toLowerCase()}` : `source:${source ?? '?'}`;
}

/**
 * The sides of the figures, largest first (by independent accounts, then sources; between equals, the
 * body of an article before its headline, lead, caption or address; then document order). Figures
 * that cannot be compared with the first (another unit of count, another currency) are left out, as
 * are figures without a readable span.
 */
export function sidesOf(figures: readonly Figure[], sources: readonly SourceRef[], reading: ReadingOptions): Side[] {
  const claims: Claim<Figure>[] = [];
  figures.forEach((f, order) => {
    // Headlines, leads, captions and addresses round: an exact figure there is read as "about" it
    // ("9.5 tonnes" over a text that gives 9,436 kilos).
    const read = f.where && f.where !== 'body' && f.qualifier === 'exact' ? { ...f, qualifier: 'about' as const } : f;
    const span = spanOf(read, reading);
    if (!span || (claims.length && !comparable(claims[0].item, f))) return;
    claims.push({ item: f, span, source: f.source ?? '?', account: accountOf(f.source, sources), order, weight: !f.where || f.where === 'body' ? 1 : 0 });
  });
  return sidesOfClaims(claims).map((s) => ({
    members: s.members.map((m) => ({ figure: m.item, span: m.span })),
    sources: s.sources,
    accounts: s.accounts,
    common: s.common,
  }));
}
