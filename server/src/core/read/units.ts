/** Units of mass, volume and count, with exact factors to their base unit. Pure data. */

/** Exact factors to kilograms (1 short ton = 2000 lb = 907.18474 kg; 1 lb = 0.45359237 kg). */
export const KG_PER_UNIT: Readonly<Record<string, number>> = {
  kg: 1,
  g: 1e-3,
  mg: 1e-6,
  t: 1000,
  short_ton: 907.18474,
  /** "tons" where the source does not say which: nominally metric; KG_RANGE_PER_UNIT has both readings. */
  ton: 1000,
  lb: 0.45359237,
};

/**
 * The kilograms one unit may weigh, lowest and highest: one number for every unit but `ton`
 * (English "tons" of unknown kind: a short ton of 907.18 kg or a metric tonne of 1,000 kg).
 */
export function kgRangePerUnit(unit: string | undefined): [number, number] | undefined {
  if (unit === 'ton') return [KG_PER_UNIT.short_ton, KG_PER_UNIT.t];
  const f = unit ? KG_PER_UNIT[unit] : undefined;
  return f === undefined ? undefined : [f, f];
}

/** Litres per volume unit. */
export const L_PER_UNIT: Readonly<Record<string, number>> = { l: 1, ml: 1e-3 };

export const COUNT_UNITS = new Set(['tablets', 'capsules', 'plants', 'bars', 'bricks', 'packs', 'persons']);

export function toKg(value: number, unit: string | undefined): number | undefined {
  const f = unit ? KG_PER_UNIT[unit] : undefined;
  return f === undefined ? undefined : value * f;
}
