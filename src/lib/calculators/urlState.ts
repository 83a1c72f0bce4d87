/**
 * Calculator state in the URL query, so a result can be shared as a link. Keys are namespaced
 * by calculator (`clv.price=5000`) because one lesson page can hold several calculators.
 * Values equal to their default are left out to keep links short.
 */

/** The raw texts of one calculator found in a query string; unknown keys are ignored. */
export function readCalculatorState<Name extends string>(
  search: string,
  calculatorId: string,
  names: readonly Name[],
): Partial<Record<Name, string>> {
  const params = new URLSearchParams(search);
  const state: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = params.get(`${calculatorId}.${name}`);
    if (value !== null) state[name] = value.slice(0, 200);
  }
  return state;
}

/** The query string with this calculator's state written in and every other key kept. */
export function writeCalculatorState<Name extends string>(
  search: string,
  calculatorId: string,
  texts: Record<Name, string>,
  defaults: Record<Name, string>,
): string {
  const params = new URLSearchParams(search);
  for (const name of Object.keys(texts) as Name[]) {
    const key = `${calculatorId}.${name}`;
    if (texts[name] === defaults[name]) params.delete(key);
    else params.set(key, texts[name]);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
