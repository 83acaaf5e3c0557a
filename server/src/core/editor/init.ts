/**
 * A new dataset, as `haulcheck init` writes it (and the editor's "Create Dataset" command): a
 * commented haulcheck.yaml, the drug and agency registries of the sample dataset (with the drugs'
 * unit-mass bands and where they come from), an events/ folder and one example event that passes
 * every check. Pure: the files as text; the shells write them.
 */
import { parseFile } from '../yaml/parse';
import { type Registries, buildRegistries } from '../model/dataset';

export interface DatasetFile {
  /** Relative to the dataset root, `/`-separated. */
  path: string;
  text: string;
}

export interface NewDatasetOptions {
  /** The dataset's name in haulcheck.yaml (default: "Seizure events"). */
  name?: string;
}

/** The example event's path: it passes every check, so a fresh dataset checks clean. */
export const EXAMPLE_EVENT_PATH = 'events/2026/2026-02-22-sy-homs-captagon.yaml';

/** YAML for a one-line text (quoted only when a plain scalar would be read differently). */
function yamlText(s: string): string {
  const t = s.replace(/[\r\n]+/g, ' ').trim();
  const plain = /^[A-Za-z\u00C0-\uFFFF][^:#'"{}[\],&*!|>%@`]*$/.test(t) && !/^(null|true|false)$/i.test(t);
  return plain ? t : JSON.stringify(t);
}

function configText(name: string): string {
  return [
    '# Haulcheck dataset: what `haulcheck check` and the editor read. Every key is described in',
    '# https://github.com/haulcheck/haulcheck#a-dataset (hover a key in VS Code for the same text).',
    'version: 1',
    `name: ${yamlText(name)}`,
    '',
    '# Event files, one seizure event per file, named <id>.yaml (globs, relative to this folder).',
    '# A glob that matches no file is reported as an error: nothing is silently left unchecked.',
    'events:',
    '  - events/**/*.yaml',
    '# Files the globs above match that are not events (templates, drafts), also globs.',
    'ignore: []',
    '',
    '# The registries events refer to: drug ids with their units and unit-mass bands (tablet-mass',
    '# checks counts against weights with them), and agency ids.',
    'registries:',
    '  drugs: registries/drugs.yaml',
    '  agencies: registries/agencies.yaml',
    '',
    '# Rule severities: off, info, warning or error, or [severity, {options}]. Each rule has a page',
    '# in https://github.com/haulcheck/haulcheck/tree/main/docs/rules. For example:',
    '#   figures/source-conflict: [error, {tolerance: 0.1}]',
    '#   sources/missing-published: info',
    'rules: {}',
    '',
    '# Uncomment to fix "today" (YYYY-MM-DD) for reproducible runs; otherwise it is the day of the run.',
    '# today: 2026-03-01',
    '',
  ].join('\n');
}

const DRUGS = `drugs:
  - id: captagon
    name: Captagon
    aliases: [fenethylline, Abu Hilalain, Captagon pills]
    category: stimulant
    units: [tablets, kg, g, mg, t, short_ton, ton, lb, packs]
    forms:
      - form: tablet
        unit_mass_mg: {typical: [150, 170], warn: [120, 220], error: [80, 350]}
        gross_factor: 1.5
        source: >-
          Seizures that reported both count and weight: Piraeus 2019, 10,018,260 pills / 1,590 kg = 159 mg;
          Qamishli, 2,570,580 pills / 438 kg = 170 mg; Jordan Customs 2022, 6 million / about 1,000 kg = 167 mg;
          Dubai 2023, 86 million / 13 t = 151 mg; the wire-service rule of thumb "a kilo is about 6,000 pills"
          = 167 mg. Warn and error limits, and the gross factor for packaging, are this registry's allowances.
    largest_seizure:
      kg: 14000
      source: >-
        Salerno, Italy, July 2020: about 14 t, 84 million pills, announced by the Guardia di Finanza as
        the largest amphetamine seizure in the world.
    notes: >-
      Today's "Captagon" is mostly amphetamine with caffeine and other fillers, not fenethylline.
      A weight of exactly 6,000 pills per kg is probably a conversion, not a second measurement.

  - id: hashish
    name: Hashish (cannabis resin)
    aliases: [cannabis resin, hash]
    category: cannabinoid
    units: [kg, g, t, short_ton, ton, lb, bars, packs]
    forms:
      - form: resin
      - form: bar
    notes: >-
      No unit-mass band: the size of a "bar" or slab of hashish varies and no reference figure is held,
      so counts of bars are not checked against weights.

  - id: cannabis
    name: Cannabis (herbal)
    aliases: [marijuana, cannabis herb]
    category: cannabinoid
    units: [kg, g, t, short_ton, ton, lb, plants, packs]
    forms:
      - form: plant
    notes: Herbal cannabis and plants. Resin is recorded as hashish.

  - id: heroin
    name: Heroin
    category: opioid
    units: [kg, g, mg, t, short_ton, ton, lb, packs]
    forms:
      - form: powder

  - id: cocaine
    name: Cocaine
    aliases: [coke, cocaína, Kokain, cocaina, κοκαΐνη, kokain, كوكايين]
    category: stimulant
    units: [kg, g, mg, t, short_ton, ton, lb, bricks, packs]
    forms:
      - form: powder
    notes: >-
      Seized as bricks or packages, not tablets: a report of cocaine "pills" (Spanish "pastillas") means
      bricks, so tablets are not a unit of this drug.

  - id: methamphetamine
    name: Methamphetamine
    aliases: [crystal meth, shabu, yaba]
    category: stimulant
    units: [tablets, kg, g, mg, t, short_ton, lb, l, ml, packs]
    forms:
      - form: crystal
      - form: powder
      - form: liquid
      - form: tablet
        unit_mass_mg: {typical: [90, 300], warn: [60, 400], error: [30, 1000]}
        gross_factor: 1.5
        source: >-
          UNODC converts amphetamine-type tablets at 90–300 mg each (the typical range). Warn and error
          limits, and the gross factor for packaging, are this registry's allowances.

  - id: opium
    name: Opium
    aliases: [afyon, Opium, اوبيوم, أفيون, افيون]
    category: opioid
    units: [kg, g, t, short_ton, ton, lb, packs]
    forms:
      - form: resin

  - id: tramadol
    name: Tramadol
    aliases: [tramadol pills, ترامادول]
    category: opioid
    units: [tablets, capsules, kg, g, packs]
    forms:
      - form: tablet

  - id: amphetamine
    name: Amphetamine
    aliases: [amphetamines, amfetamin, amphétamine, anfetamina, Amphetamin, أمفيتامين]
    category: stimulant
    units: [tablets, kg, g, mg, t, lb, packs]
    forms:
      - form: powder
      - form: tablet
        unit_mass_mg: {typical: [90, 300], warn: [60, 400], error: [30, 1000]}
        gross_factor: 1.5
        source: >-
          UNODC converts amphetamine-type tablets at 90–300 mg each (the typical range). Warn and error
          limits, and the gross factor for packaging, are this registry's allowances.
    notes: >-
      Also the word Saudi and Gulf authorities use for Captagon pills; record those as captagon when
      the pills are Captagon by every other account.

  - id: morphine
    name: Morphine
    category: opioid
    units: [kg, g, mg, t, short_ton, lb, l, ml, tablets, packs]
    forms:
      - form: powder
      - form: liquid
      - form: tablet

  - id: narcotic-pills
    name: Narcotic pills (unspecified)
    aliases: [narcotic pills, drug pills]
    category: unspecified
    units: [tablets, capsules, kg, g, t, packs]
    forms:
      - form: tablet
        unit_mass_mg: {typical: [90, 350], warn: [60, 500], error: [20, 1000]}
        gross_factor: 1.5
        source: >-
          Wide band covering UNODC's 90–300 mg per amphetamine-type tablet and ecstasy tablets of
          250–346 mg in one forensic series; warn and error limits are this registry's allowances.
    notes: >-
      Pills that the source does not identify, e.g. Latakia's "70,000 narcotic pills". Record them as
      reported; do not assume they are Captagon.

  - id: unspecified
    name: Drugs (unspecified)
    aliases: [drugs, narcotics]
    category: unspecified
    units: [tablets, capsules, kg, g, mg, t, short_ton, lb, l, ml, plants, bars, packs]
    forms:
      - form: unknown
    notes: For seizures the source reports only as "drugs" or "narcotics", without saying which.
`;

const AGENCIES = `agencies:
  # Syria
  - id: sy-moi
    name: Ministry of Interior (Syria)
    short_name: MoI
    aliases: [Syrian Ministry of Interior, Syria’s Interior Ministry]
    country: SY
    parent: null
    url: null

  - id: sy-moi-anti-narcotics
    name: Anti-Narcotics Directorate (Syrian Ministry of Interior)
    short_name: Anti-Narcotics Directorate
    aliases:
      - Syrian Directorate of Narcotics Control
      - Syria’s Anti-Narcotics Directorate
      - Anti-Narcotics Branch
      - Anti-Narcotics Department
      - anti-narcotics units
    country: SY
    parent: sy-moi
    url: null
    notes: >-
      The sources name it differently; the Damascus countryside "Branch" and the Latakia "Department"
      are recorded as this directorate.

  - id: sy-isd
    name: Internal Security Directorate (Syria)
    short_name: Internal Security
    country: SY
    parent: sy-moi
    url: null
    notes: Provincial internal security command; the Latakia operation names it.

  - id: sy-gaslbc
    name: General Authority for Land and Sea Border Crossings (Syria)
    short_name: Border Crossings Authority
    country: SY
    parent: null
    url: null
    notes: Runs the border crossings, including Al-Rai on the border with Türkiye; announces seizures on X.

  # Iraq
  - id: iq-moi
    name: Ministry of Interior (Iraq)
    short_name: MoI
    aliases: [Iraqi Interior Ministry, Iraqi Ministry of Interior, Baghdad's interior ministry]
    country: IQ
    parent: null
    url: null

  - id: iq-gdnps
    name: General Directorate of Narcotics and Psychotropic Substances (Iraq)
    short_name: GDNPS
    aliases:
      - General Directorate for Narcotics Affairs
      - Iraq’s narcotics control directorate
      - Iraqi counter-narcotics forces
    country: IQ
    parent: iq-moi
    url: null

  - id: iq-ins
    name: Iraqi National Intelligence Service
    short_name: INIS
    aliases: [Iraqi intelligence service]
    country: IQ
    parent: null
    url: null

  # Lebanon
  - id: lb-authorities
    name: Lebanese authorities (unspecified)
    country: LB
    parent: null
    url: null
    notes: Used when a source says only "Lebanese authorities".

  # Jordan
  - id: jo-armed-forces
    name: Jordan Armed Forces
    short_name: JAF
    aliases: [northern border patrols]
    country: JO
    parent: null
    url: null
    notes: Border patrols on the northern border (with Syria) belong to the armed forces.

  # Saudi Arabia
  - id: sa-gdnc
    name: General Directorate of Narcotics Control (Saudi Arabia)
    short_name: GDNC
    aliases: [Saudi Arabia's drug enforcement agency]
    country: SA
    parent: null
    url: null

  # Iran
  - id: ir-police
    name: Law Enforcement Command of the Islamic Republic of Iran
    short_name: FARAJA
    aliases: [Iranian National Police]
    country: IR
    parent: null
    url: null

  - id: ir-dchq
    name: Drug Control Headquarters (Iran)
    short_name: DCHQ
    country: IR
    parent: null
    url: null
`;

const EXAMPLE_EVENT = `id: 2026-02-22-sy-homs-captagon
status: draft
type: seizure
title: Captagon shipment seized in Homs province with Iraq's narcotics directorate
summary: >-
  Syrian anti-narcotics units, working with Iraq's General Directorate of Narcotics and Psychotropic
  Substances, seized about 400,000 Captagon pills (about 65 kg) in Homs province that were prepared
  for smuggling abroad, and arrested two members of an international network.
notes: >-
  The article does not date the operation or the announcement; the event is dated on or before the
  publication date. An Iraqi team of the narcotics directorate had moved to Syrian territory for it.
date:
  to: 2026-02-22
  precision: range
  as_reported: null
  refers_to: event
  source: medialine
location:
  country: SY
  admin1: Homs
  place: null
  coordinates: {lat: 34.73, lon: 36.71}
  precision: admin1
agencies:
  - {agency: sy-moi-anti-narcotics, role: seizing}
  - {agency: iq-gdnps, role: supporting}
  - {agency: sy-moi, role: announcing}
  - {agency: iq-moi, role: announcing}
route: {origin: SY, transit: [], destination: null}
seizures:
  - drug: captagon
    form: tablet
    count: {value: 400000, unit: tablets, qualifier: about, as_reported: "approximately 400,000 Captagon pills", source: medialine}
    weight: {value: 65, unit: kg, qualifier: about, basis: unknown, as_reported: "about 65 kilograms", source: medialine}
    concealment: null
arrests: {value: 2, unit: persons, qualifier: exact, as_reported: "the arrest of two individuals", source: medialine}
sources:
  - id: medialine
    publisher: The Media Line
    title: null
    url: null
    published: 2026-02-22
    published_note: Publication date given with the article text.
    language: en
    quotes:
      - "Authorities in Damascus have announced the foiling of a major drug smuggling operation in cooperation with security agencies in Baghdad, in a move reflecting the growing level of security and intelligence coordination between the two countries to combat organized trafficking networks operating across borders, amid rising regional concerns over the spread of the Captagon trade."
      - "A source in the Syrian Ministry of Interior told The Media Line that anti-narcotics units carried out what he described as a “high-quality” security operation in Homs province, in coordination with Iraq’s General Directorate of Narcotics and Psychotropic Substances."
      - "Authorities explained that the operation led to the arrest of two individuals involved in running an international network engaged in cross-border drug trafficking."
      - "A security source, who requested anonymity, told The Media Line that security agencies seized approximately 400,000 Captagon pills, estimated to weigh about 65 kilograms, which had been prepared for distribution outside Syria."
      - "Meanwhile, the Iraqi Ministry of Interior confirmed that the operation represents an advanced model of direct security coordination, noting that a specialized team from the General Directorate for Narcotics Affairs had moved to Syrian territory following high-level coordination with the relevant authorities in Damascus."
`;

/** The files of a new dataset, in the order they are written. */
export function newDatasetFiles(options: NewDatasetOptions = {}): DatasetFile[] {
  return [
    { path: 'haulcheck.yaml', text: configText(options.name?.trim() || 'Seizure events') },
    { path: 'registries/drugs.yaml', text: DRUGS },
    { path: 'registries/agencies.yaml', text: AGENCIES },
    { path: EXAMPLE_EVENT_PATH, text: EXAMPLE_EVENT },
  ];
}

/** The registries a new dataset starts with, read: for reading an article outside any dataset. */
export function newDatasetRegistries(): Registries {
  const value = (text: string) => parseFile(text).docs[0]?.value;
  return buildRegistries(value(DRUGS), value(AGENCIES));
}

/** What to do next, printed after the dataset is written; `dir` is how the user reaches it. */
export function newDatasetNextSteps(dir: string): string[] {
  // Quoted for a POSIX shell when it holds anything a shell would read differently.
  const arg = /^[\w./-]+$/.test(dir) ? dir : `'${dir.replace(/'/g, `'\\''`)}'`;
  const cd = dir === '.' || dir === '' ? '' : `cd ${arg} && `;
  return [
    `Check it: ${cd}npx haulcheck check (the example event passes: no problems).`,
    `Add an event: copy ${EXAMPLE_EVENT_PATH} to events/<year>/<date>-<country>-<place>-<drug>.yaml and fill it in from its source (in VS Code: "Haulcheck: New Seizure Event").`,
    'Check every pull request: add the GitHub Action (uses: haulcheck/haulcheck@main) or the pre-commit hook, as docs/ci.md shows.',
  ];
}
