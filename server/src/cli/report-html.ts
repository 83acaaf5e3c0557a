/**
 * The report as one HTML file: the summary as JSON in a data block, the report's page script and
 * stylesheet (built into dist/ with Observable Plot and the world map inside) inline. A content
 * security policy allows that one script (by its hash) and nothing from anywhere else: the page
 * cannot make a request, from a web server or from `file://`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type DatasetSummary, pack } from '../core';

/** The report page's bundle and stylesheet: beside the CLI bundle, or in dist/ when running from the sources. */
export function reportAssets(): { js: string; css: string } {
  const dirs = [__dirname, path.join(__dirname, '..', '..', '..', 'dist')];
  const dir = dirs.find((d) => existsSync(path.join(d, 'report-app.js')));
  if (!dir) throw new Error(`cannot find report-app.js (looked in ${dirs.join(', ')}); run the build first`);
  return { js: readFileSync(path.join(dir, 'report-app.js'), 'utf8'), css: readFileSync(path.join(dir, 'report-app.css'), 'utf8') };
}

/** JSON that can sit inside a <script> element: no "</script", no "<!--", no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface ReportOptions {
  /** Prefix from the report's folder to the dataset's root, for links to the event files. */
  filesBase: string;
}

export function reportHtml(summary: DatasetSummary, opts: ReportOptions, assets = reportAssets()): string {
  // A script's text cannot hold "</script": the bundle is minified code, where it would only appear in a string.
  const js = assets.js.replace(/<\/script/gi, '<\\/script');
  const hash = createHash('sha256').update(js, 'utf8').digest('base64');
  const csp = [`default-src 'none'`, `script-src 'sha256-${hash}'`, `style-src 'unsafe-inline'`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Haulcheck">
<title>${escapeHtml(summary.title)}</title>
<style>${assets.css}</style>
</head>
<body>
<main id="app"><p>${escapeHtml(summary.title)}: ${summary.headline.events} events. The charts and tables need JavaScript.</p></main>
<script type="application/json" id="haulcheck-data">${scriptJson(pack(summary))}</script>
<script type="application/json" id="haulcheck-options">${scriptJson({ filesBase: opts.filesBase })}</script>
<script>${js}</script>
</body>
</html>
`;
}
