/** Units of mass, volume and count, with exact factors to their base unit. Pure data. */

/** Exact factors to kilograms (1 short ton = 2000 lb = 907.18474 kg; 1 lb = 0.45359237 kg). */
export const KG_PER_UNIT: Readonly<Record<string, number>> = {
  kg: 1,
  g: 1e-3,
  mg: 1e-6,
  t: 1000,
  short_ton: 907.18474,
  lb: 0.45359237,
};

/** Litres per volume unit. */
export const L_PER_UNIT: Readonly<Record<string, number>> = { l: 1, ml: 1e-3 };

export const COUNT_UNITS = new Set(['tablets', 'capsules', 'plants', 'bars', 'packs', 'persons']);

export function toKg(value: number, unit: string | undefined): number | undefined {
  const f = unit ? KG_PER_UNIT[unit] : undefined;
  return f === undefined ? undefined : value * f;
}
