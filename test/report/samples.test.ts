/**
 * The sample dataset summed up and exported, against expectations written by hand from its files:
 * the totals per drug, the Damascus raid's open disagreement, the timeline, the countries, the map,
 * and the CSV, JSON Lines and GeoJSON the command writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMNS, pack, summarize, unpack } from '../../server/src/core';
import { datasetRows } from '../../server/src/node/rows';
import { runCli } from '../helpers/cli';
import { SAMPLES, copySamples } from '../helpers/dataset';
import { parseCsv } from '../helpers/csv';

const rowsOf = async () => datasetRows({ root: SAMPLES });

test('samples: totals per drug count each seizure once, keep lower bounds and span the open disagreement', async () => {
  const { rows, dataset } = await rowsOf();
  const s = summarize(rows, { registries: dataset.context.registries });
  assert.equal(s.headline.events, 12);
  assert.equal(s.headline.seizures, 11);
  assert.deepEqual(s.headline.eventsByType, { seizure: 10, facility_dismantled: 1, operation: 1 });
  const captagon = s.headline.drugs.find((d) => d.drug === 'captagon')!;
  assert.equal(captagon.seizures, 7);
  // Tablets: 400,000 (Euphrates) + more than 1,350,000 (Damascus, two sources, once) + about 32,000
  // + 2,500,000 + more than 200,000 + about 400,000 (Homs) = at least 4,882,000.
  assert.deepEqual(
    captagon.counts.map((c) => [c.unit, c.lo, c.hi, c.figures, c.lowerBounds, c.disputed]),
    [['tablets', 4_882_000, null, 6, 2, 0]],
  );
  // Weight: about 1,100 kg (the lorry: 1.1 t and 1,100 kg agree, once) + 215–2,015 kg (Damascus,
  // disputed) + about 65 kg (Homs) = 1,380–3,180 kg.
  assert.deepEqual([captagon.mass.lo, captagon.mass.hi, captagon.mass.figures, captagon.mass.disputed], [1380, 3180, 3, 1]);
  const hashish = s.headline.drugs.find((d) => d.drug === 'hashish')!;
  assert.deepEqual(hashish.counts.map((c) => [c.unit, c.lo, c.hi]), [['bars', 50, 50]]);
  // Cannabis at Al-Rai and the Muhajireen raid's "large quantities of drugs" have no quantity.
  assert.equal(s.headline.drugs.find((d) => d.drug === 'cannabis')!.unquantified, 1);
  assert.deepEqual(s.headline.shares, { figures: 11, disputed: 1, settled: 0, derived: 0, unsourced: 0 });
});

test('samples: the Damascus raid, 215 kg against 2,015 kg, side by side with sources and lines', async () => {
  const { rows } = await rowsOf();
  const s = summarize(rows);
  assert.equal(s.disagreements.length, 1);
  const [d] = s.disagreements;
  assert.equal(s.events[d.event].id, '2025-sy-damascus-captagon');
  assert.equal(d.field, 'seizures[0].weight');
  assert.equal(d.status, 'disputed');
  assert.equal(d.kept, undefined);
  assert.deepEqual(
    d.sides.map((x) => [x.text, x.sources, x.figures.map((f) => f.line! + 1)]),
    [
      ['about 215 kg', ['thenational'], [40]],
      ['about 2,015 kg', ['asharq'], [47]],
    ],
  );
  const text = readFileSync(join(SAMPLES, 'events', '2025', '2025-sy-damascus-captagon.yaml'), 'utf8').split('\n');
  assert.match(text[39], /value: 215/);
  assert.match(text[46], /value: 2015/);
});

test('samples: the timeline by the best-known month, the countries, the agencies and the map', async () => {
  const { rows } = await rowsOf();
  const s = summarize(rows);
  assert.deepEqual(
    s.timeline.map((t) => [t.month, t.drug, t.seizures, t.tablets.lo, t.tablets.hi, t.mass.lo]),
    [
      ['2025-02', 'captagon', 1, 0, 0, 1100],
      ['2025-04', 'captagon', 1, 400_000, 400_000, 0],
      ['2026-01', 'captagon', 1, 2_500_000, 2_500_000, 0],
      ['2026-02', 'captagon', 2, 600_000, null, 65],
    ],
  );
  // Six events are dated to the year only (2025): their seizures sit beside the timeline.
  assert.equal(s.headline.dates.year, 6);
  assert.equal(s.yearOnly.reduce((n, r) => n + r.seizures, 0), 6);
  assert.deepEqual(s.countries.map((c) => [c.country, c.events]), [['SY', 8], ['IQ', 2], ['JO', 1], ['LB', 1]]);
  const gdnps = s.agencies.find((a) => a.agency === 'iq-gdnps')!;
  assert.deepEqual(gdnps.roles, { seizing: 2, supporting: 1 });
  // Four events give coordinates; three name a province whose label point places them (Aleppo,
  // Rural Damascus, Homs for the joint operations); the others are known by country only.
  assert.deepEqual(s.headline.placed, { coordinates: 4, admin1: 3, none: 5 });
  const byId = (id: string) => s.map.find((p) => s.events[p.event].id === id);
  assert.deepEqual(byId('2026-02-22-sy-homs-captagon'), { event: 11, lat: 34.73, lon: 36.71, by: 'coordinates', drugs: ['captagon'], tablets: 400_000, kg: 65 });
  assert.equal(byId('2025-sy-al-rai-cannabis')?.by, 'admin1');
});

/** The CSV row of a seizure, as column → cell. */
async function csvOf(args: string[] = [], cwd?: string) {
  const r = await runCli(['export', ...(cwd ? [] : [SAMPLES]), '--format', 'csv', ...args], cwd);
  assert.equal(r.code, 0, r.stderr);
  return { raw: r.stdout, rows: parseCsv(r.stdout.replace(/^\uFEFF/, '')) };
}

test('export --format csv of the samples: a byte-order mark, CRLF, the documented columns, the figures as kept', async () => {
  const { raw, rows } = await csvOf();
  assert.ok(raw.startsWith('\uFEFF'), 'UTF-8 with a byte-order mark');
  assert.ok(raw.includes('\r\n') && !/[^\r]\n/.test(raw), 'CRLF line ends');
  const [head, ...body] = rows;
  assert.deepEqual(head, COLUMNS.map((c) => c.name));
  const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'export.md'), 'utf8');
  const documented = [...docs.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(documented, head, 'docs/export.md documents every column, in order');
  const row = (id: string, i = 0) => {
    const r = body.filter((x) => x[0] === id)[i];
    assert.ok(r, `a row for ${id}`);
    return Object.fromEntries(head.map((h, j) => [h, r[j]]));
  };
  // 11 seizures, and one row each for the two events without a seizure entry.
  assert.equal(body.length, 13);
  const damascus = row('2025-sy-damascus-captagon');
  assert.deepEqual(
    [damascus.count_low, damascus.count_high, damascus.count_unit, damascus.count_qualifier, damascus.count_status, damascus.count_as_kept, damascus.count_sources],
    ['1350000', '', 'tablets', 'more_than', 'agreed', 'more than 1,350,000 tablets', 'thenational;asharq'],
  );
  assert.deepEqual(
    [damascus.weight_kg_low, damascus.weight_kg_high, damascus.weight_qualifier, damascus.weight_status, damascus.weight_as_kept, damascus.weight_sources],
    ['215', '2015', 'disputed', 'disputed', 'about 215 kg (thenational) | about 2,015 kg (asharq)', 'thenational;asharq'],
  );
  assert.deepEqual([damascus.date, damascus.date_precision, damascus.year, damascus.month, damascus.lat, damascus.lon, damascus.errors], ['2025', 'year', '2025', '', '33.51', '36.28', '2']);
  const homs = row('2026-02-22-sy-homs-captagon');
  assert.deepEqual(
    [homs.date, homs.day, homs.count_low, homs.count_qualifier, homs.weight_kg_low, homs.weight_kg_high, homs.weight_qualifier, homs.arrests, homs.agencies],
    ['2026-02-22', '22', '400000', 'about', '65', '65', 'about', '2 persons', 'sy-moi-anti-narcotics:seizing;iq-gdnps:supporting;sy-moi:announcing;iq-moi:announcing'],
  );
  const lorry = row('2025-02-iq-lorry-captagon');
  assert.deepEqual([lorry.weight_kg_low, lorry.weight_status, lorry.weight_sources, lorry.date_from, lorry.date_to], ['1100', 'agreed', 'thenational;rudaw', '2025-02-01', '2025-03-31']);
  const [pills, bars] = [row('2025-sy-latakia-narcotic-pills', 0), row('2025-sy-latakia-narcotic-pills', 1)];
  assert.deepEqual([pills.drug, pills.count_low, pills.count_qualifier, bars.drug, bars.count_low, bars.count_unit], ['narcotic-pills', '70000', 'about', 'hashish', '50', 'bars']);
  const bekaa = row('2025-08-lb-bekaa-captagon');
  assert.deepEqual([bekaa.drug, bekaa.seizure_index, bekaa.type], ['', '', 'facility_dismantled']);
  const ops = row('2026-01-15-sy-homs-rural-damascus-captagon');
  assert.deepEqual([ops.country, ops.countries, ops.date_to, ops.date_from], ['SY', 'SY;SY;IQ', '2026-01-15', '']);
});

test('export: jsonl has the same rows as objects, geojson the events with coordinates', async () => {
  const j = await runCli(['export', SAMPLES, '--format', 'jsonl']);
  const objects = j.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(objects.length, 13);
  const damascus = objects.find((o) => o.event_id === '2025-sy-damascus-captagon')!;
  assert.deepEqual(Object.keys(damascus), COLUMNS.map((c) => c.name));
  assert.deepEqual([damascus.count_low, damascus.count_high, damascus.weight_kg_low, damascus.weight_kg_high, damascus.month], [1_350_000, null, 215, 2015, null]);
  const g = await runCli(['export', SAMPLES, '--format', 'geojson']);
  const fc = JSON.parse(g.stdout) as { type: string; features: { geometry: { coordinates: number[] }; properties: { event_id: string } }[] };
  assert.equal(fc.type, 'FeatureCollection');
  assert.deepEqual(
    fc.features.map((f) => [f.properties.event_id, f.geometry.coordinates]).sort(),
    [
      ['2025-sy-damascus-captagon', [36.28, 33.51]],
      ['2025-sy-damascus-muhajireen-drugs', [36.28, 33.51]],
      ['2025-sy-latakia-narcotic-pills', [35.79, 35.53]],
      ['2026-02-22-sy-homs-captagon', [36.71, 34.73]],
    ],
  );
});

test('export: Arabic text and quotes survive the CSV; --no-bom; one event file; bad usage exits 2', async () => {
  const ws = copySamples();
  try {
    const file = join(ws.dir, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml');
    const text = readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "ضبط شحنة كبتاغون في حمص, \\"400,000\\" حبة"');
    require('node:fs').writeFileSync(file, text);
    const { raw, rows } = await csvOf(['--no-bom', 'events/2026/2026-02-22-sy-homs-captagon.yaml'], ws.dir);
    assert.ok(!raw.startsWith('\uFEFF'));
    assert.equal(rows.length, 2, 'the header and the one seizure of the file named');
    assert.equal(rows[1][COLUMNS.findIndex((c) => c.name === 'title')], 'ضبط شحنة كبتاغون في حمص, "400,000" حبة');
  } finally {
    ws.cleanup();
  }
  const bad = await runCli(['export', SAMPLES, '--format', 'xlsx']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /csv, jsonl or geojson/);
  const unknown = await runCli(['report', SAMPLES, '--outt', 'x']);
  assert.equal(unknown.code, 2);
});

test('samples: the summary packed for the HTML report unpacks to the same data', async () => {
  const { rows, dataset } = await rowsOf();
  const s = summarize(rows, { registries: dataset.context.registries });
  const packed = JSON.parse(JSON.stringify(pack(s)));
  assert.deepEqual(unpack(packed), JSON.parse(JSON.stringify(s)));
});
