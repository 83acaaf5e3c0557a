/** What the hover of a key must show: the description of that key in the shipped JSON Schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export function eventKeyDescription(key: string): string {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'event.schema.json'), 'utf8')) as {
    properties?: Record<string, { description?: string }>;
  };
  const description = schema.properties?.[key]?.description;
  if (!description) throw new Error(`schemas/event.schema.json has no description for "${key}"`);
  return description;
}
