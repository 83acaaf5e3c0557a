/**
 * A new seizure event: the id and path the dataset expects (`events/<year>/<date>-<cc>-<place>-<drug>.yaml`)
 * and a skeleton that names every required key, for the "New Seizure Event" command and the snippet.
 * The skeleton names no schema (no `$schema` modeline): its place in the dataset (haulcheck.yaml's
 * `events` globs) is what makes it an event, so a committed file carries no path of the machine it
 * was made on, and only Haulcheck checks it (docs/editor.md).
 */

export interface NewEventInput {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  place: string;
  /** Registry id of the drug. */
  drug: string;
}

/** "Rural Damascus" → "rural-damascus"; "Al-Rai" → "al-rai". */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function newEventId(input: NewEventInput): string {
  return [input.date, input.country.toLowerCase(), slug(input.place), slug(input.drug)].filter(Boolean).join('-');
}

/** The file's path relative to the dataset root. */
export function newEventPath(input: NewEventInput): string {
  return `events/${input.date.slice(0, 4)}/${newEventId(input)}.yaml`;
}

const PRECISION: Record<number, string> = { 10: 'day', 7: 'month', 4: 'year' };

const yamlDate = (d: string) => (/^\d{4}$/.test(d) ? `"${d}"` : d);

/** The skeleton: valid YAML, every required key present, placeholders to replace. */
export function newEventText(input: NewEventInput): string {
  const place = input.place.trim();
  const lines = [
    `id: ${newEventId(input)}`,
    'status: draft',
    'type: seizure',
    `title: ${JSON.stringify(`${input.drug} seized in ${place || input.country}`)}`,
    'date:',
    `  on: ${yamlDate(input.date)}`,
    `  precision: ${PRECISION[input.date.length] ?? 'day'}`,
    '  as_reported: null',
    '  source: source1',
    'location:',
    `  country: ${input.country.toUpperCase()}`,
    '  admin1: null',
    `  place: ${place ? JSON.stringify(place) : 'null'}`,
    `  precision: ${place ? 'town' : 'country'}`,
    'agencies: []',
    'seizures:',
    `  - drug: ${input.drug}`,
    'sources:',
    '  - id: source1',
    '    publisher: TODO',
    '    url: null',
    '    published: null',
    '    language: en',
    '    quotes:',
    '      - "TODO: the sentences the figures and dates come from, verbatim"',
    '',
  ];
  return lines.join('\n');
}

/** The same skeleton as an editor snippet (tab stops on the values to fill in). */
export const NEW_EVENT_SNIPPET = [
  'id: ${1:2026-01-31}-${2:sy}-${3:place}-${4:captagon}',
  'status: draft',
  'type: seizure',
  'title: ${5:Captagon seized in Homs}',
  'date:',
  '  on: ${1}',
  '  precision: ${6|day,week,month,quarter,year,range|}',
  '  as_reported: ${7:null}',
  '  source: ${8:source1}',
  'location:',
  '  country: ${9:SY}',
  '  admin1: ${10:null}',
  '  place: ${11:null}',
  '  precision: ${12|town,point,admin2,admin1,country,border,sea|}',
  'seizures:',
  '  - drug: ${4}',
  '    count: {value: ${13:0}, unit: tablets, qualifier: ${14|exact,about,more_than,at_least,less_than,up_to|}, source: ${8}}',
  'sources:',
  '  - id: ${8}',
  '    publisher: ${15:Publisher}',
  '    url: ${16:null}',
  '    published: ${17:null}',
  '    language: en',
  '    quotes:',
  '      - "${18:the sentence the figures come from}"',
  '$0',
].join('\n');
