/**
 * The report's text sections: the headline totals, the disagreements side by side, and the table of
 * events (filter, sort, pages of 50; a row opens to show its findings).
 */
import type { DatasetSummary, Disagreement, TableRow, Total } from '../../server/src/core';
import { describeTotal, formatAmount } from '../../server/src/core/report/amount';
import { h, num } from './dom';

/** Where links go: to the event file (the report), or back to the editor (the webview). */
export interface Host {
  /** A link to an event file, when the page can link to files. */
  fileHref?(file: string): string | undefined;
  /** Opens the event file at a line (0-based), when the page runs in the editor. */
  open?(file: string, line: number): void;
}

const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '–');

function totalCell(t: Total): HTMLElement {
  const note = describeTotal(t);
  return h('span', { className: 'total', 'data-lo': t.lo, 'data-hi': t.hi === null ? 'open' : t.hi, 'data-unit': t.unit, title: note || undefined }, formatAmount(t), note ? h('small', {}, ` — ${note}`) : null);
}

export function headline(s: DatasetSummary): HTMLElement {
  const hd = s.headline;
  const types = Object.entries(hd.eventsByType).map(([t, n]) => `${n} ${t.replace(/_/g, ' ')}`).join(', ');
  const sh = hd.shares;
  const cards = h(
    'div',
    { className: 'cards' },
    h('div', { className: 'card', id: 'card-events' }, h('span', { className: 'big' }, num(hd.events)), h('span', {}, `events (${types})`)),
    h('div', { className: 'card', id: 'card-seizures' }, h('span', { className: 'big' }, num(hd.seizures)), h('span', {}, `seizures of ${hd.drugs.length} drugs`)),
    h('div', { className: 'card', id: 'card-disputed' }, h('span', { className: 'big' }, pct(sh.disputed, sh.figures)), h('span', {}, `of ${sh.figures} figures disputed (${sh.disputed}), ${pct(sh.settled, sh.figures)} settled by a conflicts entry (${sh.settled})`)),
    h('div', { className: 'card', id: 'card-derived' }, h('span', { className: 'big' }, pct(sh.derived, sh.figures)), h('span', {}, `derived from another figure (${sh.derived}); ${pct(sh.unsourced, sh.figures)} unsourced (${sh.unsourced})`)),
    h('div', { className: 'card', id: 'card-findings' }, h('span', { className: 'big' }, num(hd.findings.error)), h('span', {}, `errors, ${hd.findings.warning} warnings, ${hd.findings.info} notes`)),
  );
  const table = h(
    'table',
    { className: 'totals', id: 'totals' },
    h('caption', {}, 'Totals per drug. Each seizure counts once, with what the dataset keeps for it: sources that agree count once; a disputed figure adds the span of its sides; “more than” keeps a total a lower bound; parts, sums of other seizures, counts so far and garbled figures are left out.'),
    h('thead', {}, h('tr', {}, ['Drug', 'Events', 'Seizures', 'Counted', 'Weight', 'Not quantified'].map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      hd.drugs.map((d) =>
        h(
          'tr',
          { 'data-drug': d.drug },
          h('th', { scope: 'row' }, d.name),
          h('td', {}, d.events),
          h('td', {}, d.seizures),
          h('td', { className: 'counts' }, d.counts.length ? d.counts.map((c) => h('div', {}, totalCell(c))) : '–'),
          h('td', { className: 'mass' }, d.mass.figures ? totalCell(d.mass) : '–'),
          h('td', {}, d.unquantified || ''),
        ),
      ),
    ),
  );
  return h('section', { id: 'headline' }, h('h2', {}, 'The dataset'), cards, table);
}

function sideCell(side: Disagreement['sides'][number], file: string, host: Host): HTMLElement {
  return h(
    'td',
    { className: 'side' },
    h('span', { className: 'value' }, side.text),
    h(
      'span',
      { className: 'sources' },
      side.figures.length
        ? side.figures.map((f) => {
            const label = `${f.source ?? 'no source'}${f.where && f.where !== 'body' ? ` (${f.where})` : ''}${f.line !== undefined ? `, line ${f.line + 1}` : ''}`;
            return host.open && f.line !== undefined
              ? h('button', { className: 'link', type: 'button', 'data-open': `${file}:${f.line}`, onclick: () => host.open!(file, f.line!) }, label)
              : h('span', {}, label);
          })
        : side.sources.join(', '),
    ),
  );
}

export function disagreements(s: DatasetSummary, host: Host): HTMLElement {
  const list = s.disagreements;
  const section = h('section', { id: 'disagreements' }, h('h2', {}, `Disagreements between sources (${list.length})`));
  if (!list.length) {
    section.append(h('p', { className: 'empty' }, 'The sources of every figure agree.'));
    return section;
  }
  section.append(h('p', {}, 'For each figure the sources disagree on: what each side says, with its sources, and what the dataset keeps. An open disagreement keeps nothing: totals span its sides.'));
  const width = Math.max(...list.map((d) => d.sides.length));
  const table = h(
    'table',
    { className: 'disagreements' },
    h('thead', {}, h('tr', {}, ['Event', 'Figure', ...Array.from({ length: width }, (_, i) => (width === 1 ? 'Value' : `Side ${i + 1}`)), 'The dataset keeps'].map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      list.map((d) => {
        const e = s.events[d.event];
        const kept =
          d.status === 'disputed'
            ? h('span', { className: 'status disputed' }, 'nothing yet: disputed, not settled')
            : d.status === 'self'
              ? h('span', { className: 'status' }, `${d.kept ?? ''} — the other side is a source contradicting itself`)
              : d.status === 'none_kept'
                ? h('span', { className: 'status' }, `no value (conflicts: chosen null)${d.reason ? ` — ${d.reason}` : ''}`)
                : h('span', { className: 'status settled' }, `${d.kept ?? d.chosen ?? ''}${d.reason ? ` — ${d.reason}` : ''}`);
        const figureLabel = `${d.field}${d.drug ? ` (${s.names.drugs[d.drug] ?? d.drug})` : ''}`;
        return h(
          'tr',
          { 'data-event': e.id, 'data-field': d.field, 'data-status': d.status },
          h('td', {}, eventLink(e, host), h('div', { className: 'id' }, e.id)),
          h('td', {}, host.open && d.line !== undefined ? h('button', { className: 'link', type: 'button', onclick: () => host.open!(e.file, d.line!) }, figureLabel) : figureLabel),
          d.sides.map((side) => sideCell(side, e.file, host)),
          Array.from({ length: width - d.sides.length }, () => h('td', {})),
          h('td', {}, kept),
        );
      }),
    ),
  );
  section.append(h('div', { className: 'scroll' }, table));
  return section;
}

function eventLink(e: TableRow, host: Host): HTMLElement {
  const title = e.title ?? e.id;
  if (host.open) return h('button', { className: 'link title', type: 'button', onclick: () => host.open!(e.file, e.line) }, title);
  const href = host.fileHref?.(e.file);
  return href ? h('a', { className: 'title', href }, title) : h('span', { className: 'title' }, title);
}

type SortKey = 'date' | 'title' | 'country' | 'tablets' | 'kg' | 'status' | 'findings';
const PAGE = 50;

/** The table of events: a text filter, filters by drug, country and status, sortable columns, pages. */
export function eventsTable(s: DatasetSummary, host: Host): HTMLElement {
  const state = { q: '', drug: '', country: '', status: '', withFindings: false, disputed: false, sort: 'date' as SortKey, desc: true, page: 0 };
  const section = h('section', { id: 'events' }, h('h2', {}, `Events (${s.events.length})`));
  const select = (id: string, label: string, options: [string, string][], key: 'drug' | 'country' | 'status') =>
    h(
      'label',
      {},
      `${label} `,
      h(
        'select',
        { id, onchange: (e: Event) => ((state[key] = (e.target as HTMLSelectElement).value), (state.page = 0), draw()) },
        h('option', { value: '' }, 'all'),
        options.map(([v, t]) => h('option', { value: v }, t)),
      ),
    );
  const count = h('span', { className: 'count', id: 'events-count', 'aria-live': 'polite' });
  const controls = h(
    'div',
    { className: 'controls' },
    h('label', {}, 'Filter ', h('input', { type: 'search', id: 'events-filter', placeholder: 'id, title, place, drug…', oninput: (e: Event) => ((state.q = (e.target as HTMLInputElement).value.toLowerCase()), (state.page = 0), draw()) })),
    select('events-drug', 'Drug', s.headline.drugs.map((d) => [d.drug, d.name]), 'drug'),
    select('events-country', 'Country', s.countries.map((c) => [c.country, c.name]), 'country'),
    select('events-status', 'Status', Object.keys(s.headline.eventsByStatus).map((x) => [x, x]), 'status'),
    h('label', {}, h('input', { type: 'checkbox', id: 'events-findings', onchange: (e: Event) => ((state.withFindings = (e.target as HTMLInputElement).checked), (state.page = 0), draw()) }), ' with findings'),
    h('label', {}, h('input', { type: 'checkbox', id: 'events-disputed', onchange: (e: Event) => ((state.disputed = (e.target as HTMLInputElement).checked), (state.page = 0), draw()) }), ' disputed figures'),
    count,
  );
  const columns: [SortKey | undefined, string][] = [
    ['date', 'Date'],
    ['title', 'Event'],
    ['country', 'Where'],
    ['tablets', 'Seized'],
    ['status', 'Status'],
    ['findings', 'Findings'],
  ];
  const thead = h('thead', {});
  const tbody = h('tbody', {});
  const pager = h('div', { className: 'pager' });
  const table = h('table', { className: 'events', id: 'events-table' }, thead, tbody);
  section.append(controls, h('div', { className: 'scroll' }, table), pager);

  const findingsOf = (e: TableRow) => e.findings.error * 1e6 + e.findings.warning * 1e3 + e.findings.info;
  const keyOf: Record<SortKey, (e: TableRow) => string | number> = {
    date: (e) => e.date ?? '',
    title: (e) => (e.title ?? e.id).toLowerCase(),
    country: (e) => `${s.names.countries[e.country ?? ''] ?? ''} ${e.admin1 ?? ''}`,
    tablets: (e) => e.tablets * 1e6 + e.kg,
    kg: (e) => e.kg,
    status: (e) => e.status ?? '',
    findings: findingsOf,
  };
  const haystack = s.events.map((e) => [e.id, e.title, e.place, e.admin1, e.seized, s.names.countries[e.country ?? '']].filter(Boolean).join(' ').toLowerCase());

  function draw(): void {
    const rows = s.events
      .map((e, i) => ({ e, i }))
      .filter(({ e, i }) => (!state.q || haystack[i].includes(state.q)) && (!state.drug || e.drugs.includes(state.drug)) && (!state.country || e.country === state.country) && (!state.status || e.status === state.status) && (!state.withFindings || findingsOf(e) > 0) && (!state.disputed || e.disputed > 0));
    const key = keyOf[state.sort];
    rows.sort((a, b) => {
      const [x, y] = [key(a.e), key(b.e)];
      return (x < y ? -1 : x > y ? 1 : a.i - b.i) * (state.desc ? -1 : 1);
    });
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    count.textContent = `${rows.length} of ${s.events.length} events`;
    thead.replaceChildren(
      h(
        'tr',
        {},
        columns.map(([k, label]) =>
          h(
            'th',
            { scope: 'col', 'aria-sort': k === state.sort ? (state.desc ? 'descending' : 'ascending') : undefined },
            k ? h('button', { type: 'button', className: 'sort', 'data-sort': k, onclick: () => ((state.desc = state.sort === k ? !state.desc : k === 'date' || k === 'tablets' || k === 'findings'), (state.sort = k), draw()) }, label, k === state.sort ? (state.desc ? ' ▼' : ' ▲') : '') : label,
          ),
        ),
      ),
    );
    tbody.replaceChildren(...rows.slice(state.page * PAGE, (state.page + 1) * PAGE).flatMap(({ e }) => eventRows(e)));
    pager.replaceChildren(
      h('button', { type: 'button', disabled: state.page === 0, onclick: () => (state.page--, draw()) }, '← Previous'),
      ` Page ${state.page + 1} of ${pages} `,
      h('button', { type: 'button', disabled: state.page >= pages - 1, onclick: () => (state.page++, draw()) }, 'Next →'),
    );
  }

  function eventRows(e: TableRow): HTMLElement[] {
    const f = e.findings;
    const where = [s.names.countries[e.country ?? ''] ?? e.country, e.admin1, e.place].filter(Boolean).join(', ');
    const details = h(
      'tr',
      { className: 'findings', hidden: true },
      h(
        'td',
        { colspan: 6 },
        e.messages.length
          ? h(
              'ul',
              {},
              e.messages.map((m) =>
                h(
                  'li',
                  { className: m.severity },
                  h('span', { className: 'sev' }, m.severity),
                  ' ',
                  host.open ? h('button', { className: 'link', type: 'button', onclick: () => host.open!(e.file, m.line) }, `line ${m.line + 1}`) : `line ${m.line + 1}`,
                  ` ${m.message} `,
                  h('code', {}, m.ruleId),
                ),
              ),
            )
          : 'No findings.',
      ),
    );
    const toggle = h('button', { type: 'button', className: 'findings-toggle', 'aria-expanded': 'false', onclick: () => ((details.hidden = !details.hidden), toggle.setAttribute('aria-expanded', String(!details.hidden))) }, `${f.error} E · ${f.warning} W · ${f.info} I`);
    return [
      h(
        'tr',
        { 'data-id': e.id },
        h('td', { className: 'date' }, e.date ?? 'undated', e.precision !== 'day' && e.date ? h('small', {}, ` (${e.precision})`) : null),
        h('td', {}, eventLink(e, host), h('div', { className: 'id' }, e.id)),
        h('td', {}, where),
        h('td', { className: 'seized' }, e.seized || '–'),
        h('td', {}, e.status ?? ''),
        h('td', { className: f.error ? 'has-errors' : f.warning ? 'has-warnings' : '' }, toggle),
      ),
      details,
    ];
  }

  draw();
  return section;
}
