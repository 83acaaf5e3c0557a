/**
 * The charts, drawn with Observable Plot as SVG: each a <figure> with a caption, alt text (the SVG's
 * aria-label and aria-description) and the numbers behind it in a folded table. Axes and text take
 * the page's text colour (currentColor), series the page's palette, so light, dark and print follow
 * the page's CSS.
 */
import * as Plot from '@observablehq/plot';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import i18nCountries from 'i18n-iso-countries/index.js';
import world from 'world-atlas/countries-50m.json';
import type { DatasetSummary, Total } from '../../server/src/core';
import { formatAmount } from '../../server/src/core/report/amount';
import { cssColor, h, num, numbersTable, palette } from './dom';

const PLOT_STYLE = { background: 'transparent', color: 'currentColor', fontSize: '12px', overflow: 'visible' };

function figure(id: string, title: string, description: string, svg: Element, numbers: HTMLElement, note?: string): HTMLElement {
  // With a legend, Plot returns a <figure> holding the legend and the chart's own <svg>.
  const chart = svg instanceof SVGSVGElement ? svg : (svg.querySelector(':scope > svg') ?? svg);
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `${title}. ${description}`);
  return h('figure', { className: 'chart', id, 'data-chart': id }, h('figcaption', {}, h('strong', {}, title), h('span', { className: 'alt' }, description)), svg, note ? h('p', { className: 'note' }, note) : null, numbers);
}

/** Every month from the first to the last, so that the timeline shows gaps as gaps. */
function months(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
    if (out.length > 600) break;
  }
  return out;
}

const monthLabel = (m: string) => {
  const [y, mm] = m.split('-');
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(mm) - 1]} ${y}`;
};

function drugColors(s: DatasetSummary): { domain: string[]; range: string[] } {
  const domain = s.headline.drugs.map((d) => d.drug);
  const colors = palette();
  return { domain, range: domain.map((_, i) => colors[i % colors.length]) };
}

const totalText = (t: Total) => (t.figures ? formatAmount(t) : '–');

/** Seizures per month, all drugs together (for whole-number ticks). */
function monthTotals(s: DatasetSummary): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of s.timeline) out.set(r.month, (out.get(r.month) ?? 0) + r.seizures);
  return out;
}

export function timelineCharts(s: DatasetSummary, width: number): HTMLElement[] {
  if (!s.timeline.length) return [h('p', { className: 'empty' }, 'No event is dated to the month or the day: there is no monthly timeline to draw.')];
  const all = months(s.timeline[0].month, s.timeline[s.timeline.length - 1].month);
  const color = { ...drugColors(s), legend: true };
  const name = (d: string) => s.names.drugs[d] ?? d;
  const x = { type: 'band' as const, domain: all, label: null, tickFormat: (m: string) => (all.length > 24 && !m.endsWith('-01') ? '' : monthLabel(m)), tickRotate: all.length > 12 ? -45 : 0 };
  const yearOnly = s.yearOnly.reduce((n, r) => n + r.seizures, 0);
  const note = yearOnly ? `${num(yearOnly)} seizures dated only to the year (or undated) are not on the monthly timeline; the table of events lists them.` : undefined;

  const seizuresSvg = Plot.plot({
    width,
    height: 240,
    marginBottom: all.length > 12 ? 60 : 30,
    style: PLOT_STYLE,
    x,
    y: { grid: true, label: 'Seizures', tickFormat: 'd', ticks: Math.min(8, Math.max(...monthTotals(s).values())) },
    color: { ...color, tickFormat: name },
    marks: [Plot.barY(s.timeline, { x: 'month', y: 'seizures', fill: 'drug', title: (d: (typeof s.timeline)[number]) => `${monthLabel(d.month)}, ${name(d.drug)}: ${d.seizures} seizures` }), Plot.ruleY([0])],
  });
  const busiest = [...s.timeline].sort((a, b) => b.seizures - a.seizures)[0];
  const seizures = figure(
    'timeline-seizures',
    'Seizures per month, by drug',
    `${s.timeline.reduce((n, r) => n + r.seizures, 0)} seizures from ${monthLabel(all[0])} to ${monthLabel(all[all.length - 1])}; the most in ${monthLabel(busiest.month)} (${busiest.seizures}, ${name(busiest.drug)}).`,
    seizuresSvg,
    numbersTable('seizures per month', ['Month', 'Drug', 'Events', 'Seizures'], s.timeline.map((r) => [monthLabel(r.month), name(r.drug), r.events, r.seizures])),
    note,
  );

  const quantity = (key: 'tablets' | 'mass', label: string, id: string, unitWord: string) => {
    const rows = s.timeline.filter((r) => r[key].figures > 0);
    // What the bars show is the low end; a dashed line above reaches to the high end where figures
    // are ranges or disputed, and an open line marks months whose total is only a lower bound.
    const byMonth = new Map<string, { lo: number; hi: number | null }>();
    for (const r of rows) {
      const m = byMonth.get(r.month) ?? { lo: 0, hi: 0 };
      m.lo += r[key].lo;
      m.hi = m.hi === null || r[key].hi === null ? null : m.hi + r[key].hi;
      byMonth.set(r.month, m);
    }
    const top = Math.max(1, ...[...byMonth.values()].map((m) => m.hi ?? m.lo));
    const spans = [...byMonth].filter(([, m]) => m.hi === null || m.hi > m.lo).map(([month, m]) => ({ month, lo: m.lo, hi: m.hi ?? m.lo + top * 0.12, open: m.hi === null }));
    const svg = Plot.plot({
      width,
      height: 240,
      marginLeft: 60,
      marginBottom: all.length > 12 ? 60 : 30,
      style: PLOT_STYLE,
      x,
      y: { grid: true, label: label, tickFormat: '~s' },
      color: { ...color, tickFormat: name },
      marks: [
        Plot.barY(rows, { x: 'month', y: (d: (typeof rows)[number]) => d[key].lo, fill: 'drug', title: (d: (typeof rows)[number]) => `${monthLabel(d.month)}, ${name(d.drug)}: ${formatAmount(d[key])}` }),
        Plot.ruleX(spans.filter((d) => !d.open), { x: 'month', y1: 'lo', y2: 'hi', stroke: 'currentColor', strokeDasharray: '3,2', strokeWidth: 1.5, title: (d: (typeof spans)[number]) => `up to ${num(d.hi)} ${unitWord}` }),
        Plot.ruleX(spans.filter((d) => d.open), { x: 'month', y1: 'lo', y2: 'hi', stroke: 'currentColor', strokeDasharray: '3,2', strokeWidth: 1.5, markerEnd: 'arrow', title: () => 'a lower bound: the total is at least the bar' }),
        Plot.ruleY([0]),
      ],
    });
    const sum = rows.reduce((n, r) => n + r[key].lo, 0);
    return figure(
      id,
      `${label} per month, by drug`,
      rows.length ? `At least ${num(sum)} ${unitWord} in ${byMonth.size} months. Bars show the low end; a dashed line rises to the high end where figures are ranges or disputed, and continues up where the total is only a lower bound.` : `No ${unitWord} figure on the monthly timeline.`,
      svg,
      numbersTable(`${label.toLowerCase()} per month`, ['Month', 'Drug', label, 'Figures'], rows.map((r) => [monthLabel(r.month), name(r.drug), formatAmount(r[key]), r[key].figures])),
    );
  };
  return [seizures, quantity('tablets', 'Tablets', 'timeline-tablets', 'tablets'), quantity('mass', 'Weight (kg)', 'timeline-weight', 'kg')];
}

export function countryChart(s: DatasetSummary, width: number): HTMLElement {
  const rows = s.countries.slice(0, 20);
  const svg = Plot.plot({
    width,
    height: 40 + rows.length * 26,
    marginLeft: 150,
    style: PLOT_STYLE,
    x: { grid: true, label: 'Events', tickFormat: 'd' },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [Plot.barX(rows, { y: 'name', x: 'events', fill: palette()[0], title: (d: (typeof rows)[number]) => `${d.name}: ${d.events} events, ${d.seizures} seizures` }), Plot.ruleX([0])],
  });
  const body = s.countries.flatMap((c) => (c.drugs.length ? c.drugs : [undefined]).map((d) => [c.name, c.events, d ? s.names.drugs[d.drug] ?? d.drug : '–', d?.seizures ?? 0, d ? totalText(d.tablets) : '–', d ? totalText(d.mass) : '–']));
  return figure(
    'countries',
    'Events by country',
    `${s.countries.length} countries; ${rows[0] ? `${rows[0].name} has the most events (${rows[0].events})` : 'no events'}. An event counts for the country of its first location.`,
    svg,
    numbersTable('totals by country and drug', ['Country', 'Events', 'Drug', 'Seizures', 'Tablets', 'Weight'], body),
  );
}

const ROLES = ['seizing', 'announcing', 'supporting', 'tip_off'];

export function agencyChart(s: DatasetSummary, width: number): HTMLElement {
  const top = s.agencies.slice(0, 15);
  const data = top.flatMap((a) => ROLES.filter((r) => a.roles[r]).map((role) => ({ agency: a.name, role, events: a.roles[role] })));
  const colors = palette();
  const svg = Plot.plot({
    width,
    height: 40 + top.length * 26,
    marginLeft: Math.min(360, width * 0.45, 20 + Math.max(0, ...top.map((a) => a.name.length)) * 7),
    style: PLOT_STYLE,
    x: { grid: true, label: 'Events (per role)', tickFormat: 'd' },
    y: { label: null, domain: top.map((a) => a.name) },
    color: { legend: true, domain: ROLES, range: colors.slice(0, ROLES.length) },
    marks: [Plot.barX(data, { y: 'agency', x: 'events', fill: 'role', title: (d: (typeof data)[number]) => `${d.agency}, ${d.role}: ${d.events} events` }), Plot.ruleX([0])],
  });
  const body = s.agencies.flatMap((a) => (a.drugs.length ? a.drugs : [undefined]).map((d) => [a.name, a.events, ROLES.map((r) => (a.roles[r] ? `${r} ${a.roles[r]}` : '')).filter(Boolean).join(', '), d ? s.names.drugs[d.drug] ?? d.drug : '–', d ? totalText(d.tablets) : '–', d ? totalText(d.mass) : '–']));
  return figure(
    'agencies',
    'Events by agency and role',
    `${s.agencies.length} agencies. An event counts once for each agency named in it, so the bars do not add up to the number of events; the quantities are those of the events the agency seized.`,
    svg,
    numbersTable('events and quantities by agency', ['Agency', 'Events', 'Roles', 'Drug (seized)', 'Tablets', 'Weight'], body),
  );
}

let countriesCache: FeatureCollection | undefined;
function worldCountries(): FeatureCollection {
  if (!countriesCache) {
    const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
    countriesCache = feature(topology, topology.objects.countries) as FeatureCollection;
  }
  return countriesCache;
}

export function mapChart(s: DatasetSummary, width: number): HTMLElement {
  const countries = worldCountries();
  // world-atlas ids are ISO 3166-1 numeric codes.
  const eventsByNumeric = new Map<string, number>();
  for (const c of s.countries) {
    const n = c.country !== 'unknown' ? i18nCountries.alpha2ToNumeric(c.country) : undefined;
    if (n) eventsByNumeric.set(n, c.events);
  }
  const withEvents = countries.features.filter((f) => eventsByNumeric.has(String(f.id)));
  const max = Math.max(1, ...eventsByNumeric.values());
  const points = s.map.map((p) => ({ ...p, event: s.events[p.event] }));
  // Fit the map to what it shows: the points, else the countries with events, else the world.
  const pointsFeature: Feature<Geometry> = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: points.map((p) => [p.lon, p.lat]) } };
  const shown = [...withEvents, ...(points.length ? [pointsFeature] : [])];
  const domain: FeatureCollection = shown.length ? { type: 'FeatureCollection', features: shown } : countries;
  const accent = cssColor('--hc-accent', '#2f6fb3');
  const land = cssColor('--hc-land', '#e4e4e4');
  const border = cssColor('--hc-border', '#9a9a9a');
  const [byCoords, byProvince] = [palette()[1], palette()[3]];
  const svg = Plot.plot({
    width,
    height: Math.round(width * 0.55),
    style: PLOT_STYLE,
    projection: { type: 'mercator', domain, inset: 24 },
    marks: [
      Plot.geo(countries, { fill: land, stroke: border, strokeWidth: 0.5 }),
      Plot.geo(withEvents, {
        fill: accent,
        fillOpacity: (f: Feature) => 0.15 + (0.5 * (eventsByNumeric.get(String(f.id)) ?? 0)) / max,
        stroke: border,
        strokeWidth: 0.5,
        title: (f: Feature) => `${(f.properties as { name?: string })?.name ?? f.id}: ${eventsByNumeric.get(String(f.id))} events`,
      }),
      Plot.dot(points, {
        x: 'lon',
        y: 'lat',
        r: 5,
        fill: (p: (typeof points)[number]) => (p.by === 'coordinates' ? byCoords : byProvince),
        stroke: cssColor('--hc-bg', '#ffffff'),
        strokeWidth: 1,
        title: (p: (typeof points)[number]) => `${p.event.title ?? p.event.id}\n${p.event.seized}\n${p.by === 'coordinates' ? 'at its coordinates' : `at the centre of ${p.event.admin1}`}`,
      }),
    ],
  });
  svg.classList.add('map');
  const placed = s.headline.placed;
  const legend = h(
    'p',
    { className: 'legend' },
    h('span', { className: 'swatch', 'data-color': 'coordinates' }, '●'),
    ' at its coordinates  ',
    h('span', { className: 'swatch', 'data-color': 'admin1' }, '●'),
    ' at its province’s centre (Natural Earth)  ',
    h('span', { className: 'swatch', 'data-color': 'country' }, '■'),
    ' countries shaded by their number of events',
  );
  legend.querySelectorAll<HTMLElement>('.swatch').forEach((el) => {
    el.style.color = el.dataset.color === 'coordinates' ? byCoords : el.dataset.color === 'admin1' ? byProvince : accent;
  });
  const fig = figure(
    'map',
    'Where the events happened',
    `${placed.coordinates} events at their coordinates and ${placed.admin1} at the centre of their province; ${placed.none} known only by country (shaded) or not at all.`,
    svg,
    numbersTable(
      'events on the map',
      ['Event', 'Latitude', 'Longitude', 'Placed by', 'Seized'],
      points.map((p) => [p.event.id, p.lat, p.lon, p.by === 'coordinates' ? 'coordinates' : `province (${p.event.admin1})`, p.event.seized]),
    ),
  );
  svg.after(legend);
  return fig;
}
