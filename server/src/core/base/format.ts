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
