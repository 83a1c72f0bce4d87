/**
 * Input checks shared by the CLV formulas. Each throws a RangeError that names the field and the
 * rule, e.g. `purchasesPerYear must be a finite number >= 0 (got -1)`, so a calculator can show
 * the message as is. Each returns the value, so a check reads inline: `nonNegative('x', input.x)`.
 */

function fail(name: string, rule: string, value: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new RangeError(`${name} must be ${rule} (got ${shown})`);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Any finite number (a margin or a CLV may be negative). */
export function finite(name: string, value: number): number {
  return isFiniteNumber(value) ? value : fail(name, 'a finite number', value);
}

/** A finite number >= 0: prices, counts, years, totals. */
export function nonNegative(name: string, value: number): number {
  return isFiniteNumber(value) && value >= 0 ? value : fail(name, 'a finite number >= 0', value);
}

/** A finite number > 0: anything we divide by. */
export function positive(name: string, value: number): number {
  return isFiniteNumber(value) && value > 0 ? value : fail(name, 'a finite number > 0', value);
}

/** A share in [0, 1]: gross margin, a fraction of customers. */
export function unitInterval(name: string, value: number): number {
  return isFiniteNumber(value) && value >= 0 && value <= 1 ? value : fail(name, 'a number in [0, 1]', value);
}

/** A retention rate in [0, 1): at 1 nobody ever leaves and the lifetime is infinite. */
export function retentionRate(name: string, value: number): number {
  return isFiniteNumber(value) && value >= 0 && value < 1 ? value : fail(name, 'a number in [0, 1)', value);
}

/** A discount rate > -1, so that the discount factor 1 / (1 + d) exists and is positive. */
export function discountRate(name: string, value: number): number {
  return isFiniteNumber(value) && value > -1 ? value : fail(name, 'a finite number > -1', value);
}

/** A relative change >= -1 (-1 = down to zero, 0.1 = +10%); below -1 the quantity turns negative. */
export function relativeChange(name: string, value: number): number {
  return isFiniteNumber(value) && value >= -1 ? value : fail(name, 'a finite number >= -1', value);
}

/** A whole number >= 0: a count of periods. */
export function nonNegativeInteger(name: string, value: number): number {
  return Number.isInteger(value) && value >= 0 ? value : fail(name, 'an integer >= 0', value);
}
