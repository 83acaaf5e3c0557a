/** A small DOM builder and the page's colours, read from its CSS (light, dark, or VS Code's theme). */

type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | undefined | ((e: Event) => void)> = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'className') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** The value of a CSS custom property on the page, resolved to a colour Plot can use. */
export function cssColor(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

/** The series colours: VS Code's chart colours in a webview, the report's palette elsewhere. */
export function palette(): string[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].map((i) => cssColor(`--hc-series-${i}`, ['#2f6fb3', '#c2552d', '#3f8f4e', '#8e5bb5', '#b58a1b', '#2d9aa0', '#a8466f', '#6b6b6b'][i - 1]));
}

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** 1350000 → "1,350,000"; 1380.5 → "1,380.5". */
export function num(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = (Math.round(n * 10 ** digits) / 10 ** digits).toString().split('.');
  return int.replace(GROUP, ',') + (frac ? '.' + frac : '');
}

/** A small table of the numbers behind a chart (shown under it, folded). */
export function numbersTable(caption: string, head: string[], rows: (string | number)[][]): HTMLElement {
  return h(
    'details',
    { className: 'numbers' },
    h('summary', {}, `The numbers: ${caption}`),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))),
    ),
  );
}
