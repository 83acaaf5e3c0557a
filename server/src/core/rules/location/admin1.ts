import { defineRule } from '../rule';
import { distance } from 'fastest-levenshtein';
import { countryName, findAdmin1, findAdmin1Anywhere, normaliseAdmin1, subdivisionsOf, type Subdivision } from '../../read/places';
import { replaceIdFix } from '../refs/closest';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The nearest subdivision name of a country to a misspelt one, when it is near enough. */
function nearest(country: string, name: string): Subdivision | undefined {
  const key = normaliseAdmin1(name);
  let best: Subdivision | undefined;
  let bestD = Infinity;
  for (const s of subdivisionsOf(country)) {
    for (const n of [s.name, s.isoName]) {
      const d = distance(key, normaliseAdmin1(n));
      if (d < bestD) (best = s), (bestD = d);
    }
  }
  return best && bestD <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}

export default defineRule({
  meta: {
    id: 'location/admin1',
    description: 'The province or governorate (`location.admin1`) is a first-level subdivision of the location\'s country.',
    defaultSeverity: 'warning',
    appliesTo: ['event'],
    fixable: 'unsafe',
    messages: {
      otherCountry: '"{admin1}" is a province of {otherCountry} ({code}), not of {country} ({countryCode}); check the country or the province.',
      misspelt: '"{admin1}" is not a province of {country}; did you mean "{suggestion}" ({code})?',
      unknown: '"{admin1}" is not a province of {country} ({countryCode}); its {count} first-level subdivisions are {names}.',
    },
  },
  check(ctx) {
    const event = ctx.document.value;
    if (!isObj(event)) return;
    const raw = event.location;
    const list: [unknown, string][] = Array.isArray(raw) ? raw.map((l, i) => [l, `/location/${i}`]) : [[raw, '/location']];
    for (const [loc, base] of list) {
      if (!isObj(loc) || typeof loc.country !== 'string' || typeof loc.admin1 !== 'string') continue;
      const country = loc.country.toUpperCase();
      const admin1 = loc.admin1.trim();
      if (!admin1 || !/^[A-Z]{2}$/.test(country)) continue;
      const subs = subdivisionsOf(country);
      if (subs.length === 0) continue; // no subdivision data for this country: nothing to check against
      if (findAdmin1(country, admin1)) continue;
      const pointer = `${base}/admin1`;
      const near = nearest(country, admin1);
      const elsewhere = findAdmin1Anywhere(admin1).filter((s) => s.country !== country);
      const base_ = { admin1, country: countryName(country), countryCode: country };
      if (elsewhere.length > 0) {
        const o = elsewhere[0];
        ctx.report({ messageId: 'otherCountry', data: { ...base_, otherCountry: countryName(o.country), code: o.code }, pointer });
      } else if (near) {
        ctx.report({
          messageId: 'misspelt',
          data: { ...base_, suggestion: near.name, code: near.code },
          pointer,
          fixes: replaceIdFix(ctx, pointer, loc.admin1, near.name, `Write "${near.name}"`),
        });
      } else {
        const names = subs.map((s) => s.name).sort((a, b) => a.localeCompare(b));
        const shown = names.length > 20 ? `${names.slice(0, 20).join(', ')} and ${names.length - 20} more` : names.join(', ');
        ctx.report({ messageId: 'unknown', data: { ...base_, count: names.length, names: shown }, pointer });
      }
    }
  },
});
