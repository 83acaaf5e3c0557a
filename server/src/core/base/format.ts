/** Numbers in messages: thousands separators, sensible rounding, masses in the unit that reads best. */

/** 1350000 → "1,350,000"; 0.1593 → "0.159"; keeps up to `digits` significant decimals. */
export function formatNumber(n: number, maxFractionDigits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 1 ? Math.min(maxFractionDigits, 2) : Math.max(maxFractionDigits, 3);
  const fixed = n.toFixed(digits);
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const grouped = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = frac ? frac.replace(/0+$/, '') : '';
  return sign + grouped + (trimmed ? '.' + trimmed : '');
}

/** A mass in milligrams, shown as mg below 1 g and as g above: 159.2 → "159 mg", 1493 → "1.49 g". */
export function formatUnitMass(mg: number): string {
  if (mg < 1000) return `${formatNumber(Math.round(mg))} mg`;
  return `${formatNumber(mg / 1000)} g`;
}

/** A mass in kilograms: 1100 → "1,100 kg", 0.5 → "500 g", 2500000 → "2,500 t". */
export function formatKg(kg: number): string {
  if (kg >= 100000) return `${formatNumber(kg / 1000)} t`;
  if (kg < 1) return `${formatNumber(kg * 1000)} g`;
  return `${formatNumber(kg)} kg`;
}

/** "[120, 220]" → "120–220 mg". */
export function formatBand(band: readonly [number, number], unit = 'mg'): string {
  return `${formatNumber(band[0])}–${formatNumber(band[1])} ${unit}`;
}

/** Names listed in a message before the rest are counted: a message stays a sentence however many there are. */
export const LIST_AT_MOST = 10;

/** "a", "a and b", "a, b and c"; past `max` names, "a, b, … i and 991 others". */
export function listNames(names: readonly string[], max = LIST_AT_MOST, others = 'others'): string {
  if (names.length <= 1) return names.join('');
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max - 1).join(', ')} and ${formatNumber(names.length - (max - 1))} ${others}`;
}

/** `items` joined by `separator`, the first `max` of them, then `rest(n)` for the n left out. */
export function joinAtMost(items: readonly string[], separator: string, max: number, rest: (left: number) => string): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator}${rest(items.length - max)}`;
}

/**
 * The first names of `total` things, then how many more: "a, b and c" when all are given (and at most
 * `max`), "a, b, … i and 991 more" otherwise (the first `max - 1` of the names). With another
 * separator ("; "), the names are joined by it alone: "a; b; c", "a; b; …; i; and 991 more".
 */
export function listCounted(names: readonly string[], total: number, max = LIST_AT_MOST, separator = ', '): string {
  if (total <= max && names.length >= total) {
    const all = names.slice(0, total);
    if (separator !== ', ') return all.join(separator);
    return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(separator)} and ${all[all.length - 1]}`;
  }
  const shown = names.slice(0, max - 1);
  return `${shown.join(separator)}${separator === ', ' ? ' and ' : `${separator}and `}${formatNumber(total - shown.length)} more`;
}
