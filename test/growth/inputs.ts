/**
 * Inputs that grow in one dimension at a time, for the growth test (test/growth/growth.test.ts) and
 * `npm run growth` (scripts/growth.ts). Each dimension makes a dataset from a size n: the size of the
 * thing that grows (keys, documents, events, characters…), everything else held small. Deterministic:
 * the same n gives the same files.
 */

/** A dataset to check: dataset-relative path → text (the config and registries come from samples/). */
export interface GrowthInput {
  files: Record<string, string>;
}

export interface Dimension {
  name: string;
  /** What n counts, for the tables ("keys", "characters"). */
  unit: string;
  /** One line: what grows. */
  what: string;
  make(n: number): GrowthInput;
  /**
   * The size the growth test measures (and 4×). Small enough for CI, large enough to time, and past
   * the readers' memo tables (8,192 texts) where texts are distinct: a size they still hold would
   * look cheaper per unit than the sizes after it.
   */
  ci: number;
  /** Largest size `npm run growth` goes to (default 100,000; less where a file of that size would pass the 10 MB a file may have). */
  max?: number;
}

/** An event with nothing to report, with a few hooks for the dimensions to grow. */
export interface EventParts {
  id: string;
  /** Day of February 2026 the event is dated (1–28). */
  day?: number;
  /** Or the date itself (YYYY-MM-DD); the source is published the same day. */
  on?: string;
  country?: string;
  admin1?: string;
  url?: string;
  tablets?: number;
  kg?: number;
  /** Extra top-level lines (already indented). */
  extra?: string;
  /** Replaces the agencies list (lines under `agencies:`). */
  agencies?: string;
  /** Replaces the seizures list (lines under `seizures:`). */
  seizures?: string;
  /** Replaces the sources list (lines under `sources:`). */
  sources?: string;
  /** Replaces the quotes of the one source (lines under `quotes:`). */
  quotes?: string;
  /** Replaces the date (lines under `date:`). */
  date?: string;
  /** Replaces the route (the value after `route: `). */
  route?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function eventText(p: EventParts): string {
  const day = p.day ?? 20;
  const tablets = p.tablets ?? 400000;
  const kg = p.kg ?? 65;
  const url = p.url ?? `https://example.org/news/${p.id}`;
  const on = p.on ?? `2026-02-${pad(day)}`;
  const published = p.on ?? `2026-02-${pad(Math.min(28, day + 2))}`;
  return [
    `id: ${p.id}`,
    'status: draft',
    'type: seizure',
    'title: Captagon seized near the border',
    'date:',
    p.date ?? [`  on: ${on}`, '  precision: day', '  as_reported: null', '  refers_to: event', '  source: s1'].join('\n'),
    'location:',
    `  country: ${p.country ?? 'SY'}`,
    `  admin1: ${p.admin1 ?? 'Homs'}`,
    '  place: null',
    '  precision: admin1',
    'agencies:',
    p.agencies ?? '  - {agency: sy-moi, role: announcing}',
    `route: ${p.route ?? '{origin: SY, transit: [], destination: null}'}`,
    'seizures:',
    p.seizures ??
      [
        '  - drug: captagon',
        '    form: tablet',
        `    count: {value: ${tablets}, unit: tablets, qualifier: about, as_reported: "about ${tablets.toLocaleString('en')} pills", source: s1}`,
        `    weight: {value: ${kg}, unit: kg, qualifier: about, basis: unknown, as_reported: "about ${kg} kilograms", source: s1}`,
        '    concealment: null',
      ].join('\n'),
    'sources:',
    p.sources ??
      [
        '  - id: s1',
        '    publisher: Example News',
        '    title: null',
        `    url: ${url}`,
        `    published: ${published}`,
        '    language: en',
        '    quotes:',
        p.quotes ?? `      - "Police seized about ${tablets.toLocaleString('en')} pills weighing about ${kg} kilograms."`,
      ].join('\n'),
    ...(p.extra ? [p.extra] : []),
    '',
  ].join('\n');
}

const event = (id: string, text: string): GrowthInput => ({ files: { [`events/2026/${id}.yaml`]: text } });

/** n lines made by `line(i)`, joined. */
function lines(n: number, line: (i: number) => string): string {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = line(i);
  return out.join('\n');
}

/** The i-th of distinct days, a week apart from 2000 on (no two alike for the duplicate rules). */
function distinctDay(i: number): string {
  const d = new Date(Date.UTC(2000, 0, 1) + i * 7 * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The i-th of many distinct events: each on its own day. */
function distinctEvent(i: number): { id: string; text: string } {
  const on = distinctDay(i);
  const id = `${on}-sy-e${i}-captagon`;
  return { id, text: eventText({ id, on, country: ['SY', 'IQ', 'LB', 'JO'][i % 4], admin1: 'null', tablets: 1000 * (1 + (i % 50)), kg: 0.165 * (1 + (i % 50)) }) };
}

/** Repeats `unit` to exactly n characters. */
function fill(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

const ARABIC_WORDS = ['ثلاثة', 'ملايين', 'و', 'مئتان', 'ألف', 'وخمسون', 'مليون', 'عشرة', 'آلاف'];
const ENGLISH_WORDS = ['one', 'two', 'twenty', 'three', 'hundred', 'thousand', 'million', 'and', 'a', 'half'];

/** Number words separated by runs of spaces and commas, n characters. */
function numberWords(words: string[], n: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    const w = words[(i * 7) % words.length] + (i % 3 === 0 ? ',' : '') + ' '.repeat(1 + (i % 4));
    parts.push(w);
    length += w.length;
  }
  return parts.join('').slice(0, n);
}

/** A quote of n characters in the one source (YAML double-quoted: no `"` or `\` in `body`). */
function quoteEvent(id: string, body: string): GrowthInput {
  return event(id, eventText({ id, quotes: `      - "${body}"` }));
}

const ID = '2026-02-20-sy-homs-captagon';

export const DIMENSIONS: Dimension[] = [
  {
    name: 'keys',
    unit: 'keys',
    what: 'one mapping (the event) with n keys the schema does not know',
    ci: 2000,
    make: (n) => event(ID, eventText({ id: ID, extra: lines(n, (i) => `k${i}: ${i}`) })),
  },
  {
    name: 'duplicate keys',
    unit: 'keys',
    what: 'one mapping with n keys, each written twice',
    ci: 1500,
    make: (n) => event(ID, eventText({ id: ID, extra: lines(n, (i) => `k${i >> 1}: ${i}`) })),
  },
  {
    name: 'sequence items',
    unit: 'items',
    what: 'one block sequence (agencies) with n items',
    ci: 2000,
    make: (n) => event(ID, eventText({ id: ID, agencies: lines(n, (i) => `  - {agency: ${i % 2 ? 'sy-moi' : 'iq-moi'}, role: ${i % 3 ? 'announcing' : 'seizing'}}`) })),
  },
  {
    name: 'documents',
    unit: 'documents',
    what: 'a stream of n small documents (an id each, nothing else)',
    ci: 2000,
    max: 200_000,
    make: (n) => ({ files: { 'events/2026/stream.yaml': lines(n, (i) => `---\nid: 2026-01-01-sy-doc-${i}`) + '\n' } }),
  },
  {
    name: 'events in one file',
    unit: 'events',
    what: 'a stream of n distinct events (dates, places and quantities apart)',
    ci: 250,
    max: 10_000,
    make: (n) => ({
      files: {
        'events/2026/stream.yaml': Array.from({ length: n }, (_, i) => '---\n' + distinctEvent(i).text).join(''),
      },
    }),
  },
  {
    name: 'near-identical events',
    unit: 'events',
    what: 'n events in one file, the same seizure but for a suffix of the id',
    ci: 250,
    max: 10_000,
    make: (n) => ({ files: { 'events/2026/stream.yaml': Array.from({ length: n }, (_, i) => '---\n' + eventText({ id: `${ID}-${i}`, url: 'https://example.org/news/one' })).join('') } }),
  },
  {
    name: 'duplicate ids',
    unit: 'events',
    what: 'n event files with the same id',
    ci: 250,
    max: 20_000,
    make: (n) => {
      const files: Record<string, string> = {};
      for (let i = 0; i < n; i++) files[`events/2026/e${i}.yaml`] = distinctEvent(i).text.replace(/^id: .*/, `id: ${ID}`);
      return { files };
    },
  },
  {
    name: 'shared URLs',
    unit: 'events',
    what: 'n event files (distinct seizures) citing one article',
    ci: 250,
    max: 20_000,
    make: (n) => {
      const files: Record<string, string> = {};
      for (let i = 0; i < n; i++) {
        const e = distinctEvent(i);
        files[`events/${e.id.slice(0, 4)}/${e.id}.yaml`] = e.text.replace(/url: .*/, 'url: https://example.org/news/one');
      }
      return { files };
    },
  },
  {
    name: 'events',
    unit: 'events',
    what: 'a dataset of n event files',
    ci: 250,
    max: 50_000,
    make: (n) => {
      const files: Record<string, string> = {};
      for (let i = 0; i < n; i++) {
        const e = distinctEvent(i);
        files[`events/${e.id.slice(0, 4)}/${e.id}.yaml`] = e.text;
      }
      return { files };
    },
  },
  {
    name: 'seizures',
    unit: 'seizures',
    what: 'one event with n seizures',
    ci: 500,
    max: 30_000,
    make: (n) =>
      event(
        ID,
        eventText({
          id: ID,
          seizures: lines(n, (i) =>
            [
              '  - drug: captagon',
              '    form: tablet',
              `    count: {value: ${(i + 1) * 1000}, unit: tablets, qualifier: about, source: s1}`,
              `    weight: {value: ${((i + 1) * 0.165).toFixed(3)}, unit: kg, qualifier: about, basis: unknown, source: s1}`,
            ].join('\n'),
          ),
        }),
      ),
  },
  {
    name: 'sources',
    unit: 'sources',
    what: 'one event with n sources, each giving the same weight',
    ci: 600,
    max: 20_000,
    make: (n) =>
      event(
        ID,
        eventText({
          id: ID,
          seizures: ['  - drug: captagon', '    form: tablet', '    weight:', lines(n, (i) => `      - {value: 65, unit: kg, qualifier: about, basis: unknown, as_reported: "about 65 kilograms", source: s${i}}`)].join('\n'),
          date: lines(n, (i) => `  - {on: 2026-02-20, precision: day, refers_to: event, source: s${i}}`),
          sources: lines(n, (i) => [`  - id: s${i}`, `    publisher: Example ${i}`, '    title: null', `    url: https://example.org/news/${i}`, '    published: 2026-02-22', '    language: en', '    quotes:', '      - "Police seized about 65 kilograms."'].join('\n')),
        }),
      ),
  },
  {
    name: 'figure conflicts',
    unit: 'sources',
    what: 'one weight given n different values by n sources',
    ci: 600,
    max: 30_000,
    make: (n) =>
      event(
        ID,
        eventText({
          id: ID,
          seizures: ['  - drug: captagon', '    form: tablet', '    weight:', lines(n, (i) => `      - {value: ${60 + i}, unit: kg, qualifier: exact, basis: unknown, as_reported: "${60 + i} kilograms", source: s${i}}`)].join('\n'),
          sources: lines(n, (i) => [`  - id: s${i}`, `    publisher: Example ${i}`, '    title: null', `    url: https://example.org/news/${i}`, '    published: 2026-02-22', '    language: en', '    quotes:', `      - "Police seized ${60 + i} kilograms."`].join('\n')),
        }),
      ),
  },
  {
    name: 'date conflicts',
    unit: 'sources',
    what: 'one event dated n different days by n sources',
    ci: 800,
    max: 30_000,
    make: (n) =>
      event(
        ID,
        eventText({
          id: ID,
          date: lines(n, (i) => `  - {on: ${2000 + (i % 26)}-${pad(1 + ((i >> 5) % 12))}-${pad(1 + (i % 28))}, precision: day, refers_to: event, source: s${i}}`),
          sources: lines(n, (i) => [`  - id: s${i}`, `    publisher: Example ${i}`, '    title: null', `    url: https://example.org/news/${i}`, '    published: 2026-02-22', '    language: en', '    quotes:', '      - "Police seized about 400,000 pills weighing about 65 kilograms."'].join('\n')),
        }),
      ),
  },
  {
    name: 'quotes',
    unit: 'quotes',
    what: 'one source with n quotes',
    ci: 10_000,
    make: (n) => event(ID, eventText({ id: ID, quotes: lines(n, (i) => `      - "Police seized about 400,000 pills weighing about 65 kilograms (report ${i})."`) })),
  },
  {
    name: 'quote: Arabic number words',
    unit: 'characters',
    what: 'one quote of n characters: Arabic number words between runs of spaces and commas',
    ci: 20_000,
    max: 200_000,
    make: (n) => quoteEvent(ID, numberWords(ARABIC_WORDS, n)),
  },
  {
    name: 'quote: English number words',
    unit: 'characters',
    what: 'one quote of n characters: English number words between runs of spaces and commas',
    ci: 20_000,
    max: 200_000,
    make: (n) => quoteEvent(ID, numberWords(ENGLISH_WORDS, n)),
  },
  {
    name: 'quote: compound masses',
    unit: 'characters',
    what: 'one quote of n characters: "6 tons and 183 kilograms " repeated',
    ci: 20_000,
    max: 200_000,
    make: (n) => quoteEvent(ID, fill('6 tons and 183 kilograms ', n)),
  },
  {
    name: 'date phrase',
    unit: 'characters',
    what: 'date.as_reported of n characters: "may " repeated',
    ci: 20_000,
    max: 200_000,
    make: (n) =>
      event(ID, eventText({ id: ID, date: ['  on: 2026-02-20', '  precision: day', `  as_reported: "${fill('may ', n)}"`, '  refers_to: event', '  source: s1'].join('\n') })),
  },
  {
    name: 'suppression comments',
    unit: 'comments',
    what: 'n suppression comments, one before each item of a sequence',
    ci: 2000,
    make: (n) => event(ID, eventText({ id: ID, agencies: lines(n, (i) => `  # haulcheck-disable-next-line refs -- ${i}\n  - {agency: sy-moi, role: seizing}`) })),
  },
  {
    name: 'flow line',
    unit: 'characters',
    what: 'one line of n characters: a flow sequence (route.transit)',
    ci: 100_000,
    max: 900_000,
    make: (n) => event(ID, eventText({ id: ID, route: `{origin: SY, transit: [${fill('SY, ', n)}SY], destination: null}` })),
  },
  {
    name: 'long scalar',
    unit: 'characters',
    what: 'one line of n characters: a plain scalar (the title)',
    ci: 100_000,
    max: 900_000,
    make: (n) => event(ID, eventText({ id: ID, extra: `notes: ${fill('seized pills ', n)}end` })),
  },
];

export function dimension(name: string): Dimension {
  const d = DIMENSIONS.find((x) => x.name === name);
  if (!d) throw new Error(`no dimension "${name}"`);
  return d;
}
