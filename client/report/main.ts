/**
 * The report page: the same code draws the static HTML report (`haulcheck report`, its data in a
 * JSON script element) and the editor's dataset overview (a VS Code webview, its data posted by the
 * extension). It makes no request: everything it shows is in the page.
 */
import type { DatasetSummary } from '../../server/src/core';
import { type PackedSummary, unpack } from '../../server/src/core/report/pack';
import { agencyChart, countryChart, mapChart, timelineCharts } from './charts';
import { h } from './dom';
import { type Host, disagreements, eventsTable, headline } from './sections';
import './style.css';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface PageOptions {
  /** Prefix from the report to the dataset's root, for links to event files. */
  filesBase?: string;
}

function render(root: HTMLElement, s: DatasetSummary, host: Host): void {
  const width = Math.max(320, Math.min(1100, root.clientWidth || document.documentElement.clientWidth) - 32);
  const when = s.today ? ` · checked as of ${s.today}` : '';
  root.replaceChildren(
    h('header', {}, h('h1', {}, s.title), h('p', { className: 'sub' }, `${s.headline.events} events, ${s.headline.seizures} seizures${when} · Haulcheck`)),
    h('nav', { 'aria-label': 'Sections' }, [['#headline', 'Totals'], ['#timeline', 'Timeline'], ['#where', 'Where'], ['#who', 'Agencies'], ['#disagreements', 'Disagreements'], ['#events', 'Events']].map(([href, label]) => h('a', { href }, label))),
    headline(s),
    h('section', { id: 'timeline' }, h('h2', {}, 'When'), ...timelineCharts(s, width)),
    h('section', { id: 'where' }, h('h2', {}, 'Where'), mapChart(s, width), countryChart(s, width)),
    h('section', { id: 'who' }, h('h2', {}, 'Who'), agencyChart(s, width)),
    disagreements(s, host),
    eventsTable(s, host),
  );
}

/** Redraws when the colour scheme changes (the charts take their colours from the page's CSS). */
function onThemeChange(redraw: () => void): void {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
  new MutationObserver(redraw).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const embedded = document.getElementById('haulcheck-data');
  if (embedded) {
    // The static report.
    const s = unpack(JSON.parse(embedded.textContent ?? '{}') as PackedSummary);
    const opts = JSON.parse(document.getElementById('haulcheck-options')?.textContent ?? '{}') as PageOptions;
    const host: Host = { fileHref: (file) => encodeURI((opts.filesBase ?? '') + file) };
    render(root, s, host);
    onThemeChange(() => render(root, s, host));
    document.body.dataset.ready = 'true';
    return;
  }
  // The editor's overview.
  const vscode = acquireVsCodeApi();
  const host: Host = { open: (file, line) => vscode.postMessage({ type: 'open', file, line }) };
  let current: DatasetSummary | undefined;
  window.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as { type?: string; summary?: DatasetSummary; message?: string; busy?: boolean };
    if (m.type === 'summary' && m.summary) {
      current = m.summary;
      render(root, current, host);
      document.body.dataset.ready = 'true';
    } else if (m.type === 'status') {
      const el = document.getElementById('status') ?? document.body.insertBefore(h('p', { id: 'status', role: 'status' }), root);
      el.textContent = m.message ?? '';
    }
  });
  onThemeChange(() => current && render(root, current, host));
  vscode.postMessage({ type: 'ready' });
}

boot();
