/** A small, correct event the sources/refs/location/events/arrests tests vary line by line. */
export const BASE = `id: 2026-02-22-sy-homs-captagon
status: draft
type: seizure
title: Captagon seized in Homs province
date: {on: 2026-02-22, precision: day, source: medialine}
location: {country: SY, admin1: Homs, precision: admin1}
agencies:
  - {agency: sy-moi-anti-narcotics, role: seizing}
seizures:
  - drug: captagon
    count: {value: 400000, unit: tablets, qualifier: about, source: medialine}
arrests: {value: 2, unit: persons, source: medialine}
sources:
  - id: medialine
    publisher: The Media Line
    url: https://example.org/homs-captagon
    published: 2026-02-22
    quotes: ["seized approximately 400,000 Captagon pills"]
`;

/** BASE with each [from, to] replacement applied once (each `from` must occur). */
export function variant(...pairs: [string, string][]): string {
  let out = BASE;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`fixture lacks ${JSON.stringify(from)}`);
    out = out.replace(from, to);
  }
  return out;
}
