/** A minimal event for the figures/* rule tests: `seizures:` starts on line 7. */
export const HEAD = `id: 2026-02-22-sy-homs-captagon
status: draft
type: seizure
title: Captagon seized in Homs
date: {on: 2026-02-22, precision: day, source: a}
location: {country: SY, precision: country}
`;

export function source(id: string, quotes: string[], language = 'en'): string {
  return `  - id: ${id}
    publisher: ${id.toUpperCase()}
    published: 2026-02-22
    language: ${language}
    quotes:
${quotes.map((q) => `      - ${JSON.stringify(q)}`).join('\n')}
`;
}

/** HEAD, then `body` (from line 7), then the sources (default: one source `a` with one quote). */
export function event(body: string, sources = source('a', ['seized approximately 400,000 Captagon pills, estimated to weigh about 65 kilograms'])): string {
  return `${HEAD}${body}sources:\n${sources}`;
}
