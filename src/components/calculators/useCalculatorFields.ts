import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { parseFields, type FieldError, type FieldSpec } from '../../lib/calculators/fields.ts';
import { readCalculatorState, writeCalculatorState } from '../../lib/calculators/urlState.ts';

export interface CalculatorFields<Name extends string> {
  /** What the learner typed, per field. */
  texts: Record<Name, string>;
  setText(name: Name, text: string): void;
  /** Replace several fields at once (presets). */
  setTexts(texts: Partial<Record<Name, string>>): void;
  errors: Partial<Record<Name, FieldError>>;
  /** The last set of values that were all valid: a typo never blanks the result. */
  values: Record<Name, number | undefined>;
  /** True while some field is invalid and `values` are the previous ones. */
  stale: boolean;
  /** The labels of the invalid fields, in field order, for the message that says what to fix. */
  invalidLabels(labels: Record<Name, string>): string[];
  /** The props that tie a NumberField to one field: id, text, error and input handler. */
  bind(name: Name): { id: string; value: string; error: FieldError | undefined; onInput(text: string): void };
}

/**
 * Field state of a calculator: raw texts, parsed values with last-valid fallback, and the
 * state mirrored into the URL query (`?<id>.<field>=...`) so a result can be shared.
 */
export function useCalculatorFields<Name extends string>(
  calculatorId: string,
  specs: Record<Name, FieldSpec>,
  defaults: Record<Name, string>,
): CalculatorFields<Name> {
  const names = Object.keys(specs) as Name[];
  const [texts, setAll] = useState<Record<Name, string>>(defaults);
  const loadedFromUrl = useRef(false);

  // Read the shared state once, after hydration, so server and client first render agree.
  useEffect(() => {
    const fromUrl = readCalculatorState(window.location.search, calculatorId, names);
    if (Object.keys(fromUrl).length) setAll((current) => ({ ...current, ...fromUrl }));
    loadedFromUrl.current = true;
  }, []);

  useEffect(() => {
    if (!loadedFromUrl.current) return;
    const query = writeCalculatorState(window.location.search, calculatorId, texts, defaults);
    if (query !== window.location.search) {
      history.replaceState(history.state, '', `${window.location.pathname}${query}${window.location.hash}`);
    }
  }, [texts]);

  const parsed = useMemo(() => parseFields(texts, specs), [texts]);
  const lastValid = useRef(parseFields(defaults, specs).values!);
  if (parsed.values) lastValid.current = parsed.values;

  return {
    texts,
    setText: (name, text) => setAll((current) => ({ ...current, [name]: text })),
    setTexts: (next) => setAll((current) => ({ ...current, ...next })),
    errors: parsed.errors,
    values: lastValid.current,
    stale: parsed.values === null,
    invalidLabels: (labels) => names.filter((name) => parsed.errors[name]).map((name) => labels[name]),
    bind: (name) => ({
      id: `${calculatorId}-${name}`,
      value: texts[name],
      error: parsed.errors[name],
      onInput: (text) => setAll((current) => ({ ...current, [name]: text })),
    }),
  };
}
