/** Units of age end so: "year of age", "month of age", "week of age", "day of age" (config/figures/units.json). */
const AGE_UNIT_SUFFIX = ' of age';

/** Whether a figure's unit is an age: it describes a person or animal rather than stating a quantity. */
export function isAgeUnit(unit: string | null | undefined): boolean {
  return unit?.endsWith(AGE_UNIT_SUFFIX) === true;
}
