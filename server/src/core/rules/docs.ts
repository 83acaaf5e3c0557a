/** Where each rule's documentation page lives (shown as a link with every finding). */

export const DOCS_BASE_URL = 'https://github.com/haulcheck/haulcheck/blob/main/docs/rules/';

/** `figures/tablet-mass` → `…/docs/rules/figures/tablet-mass.md`; `schema/enum` → `…/schema.md#enum`. */
export function ruleDocsUrl(ruleId: string, base = DOCS_BASE_URL): string {
  const [family, rest] = ruleId.split('/');
  if (family === 'schema' && rest) return `${base}schema.md#${rest.toLowerCase()}`;
  if (family === 'internal') return `${base}internal.md`;
  return `${base}${ruleId}.md`;
}
