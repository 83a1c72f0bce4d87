import { useEffect, useRef, useState } from 'preact/hooks';
import { readCalculatorState, writeCalculatorState } from '../../lib/calculators/urlState.ts';

/**
 * One choice among fixed options (a preset, a view) kept in the URL query as
 * `?<calculator>.<name>=<option>`, like useCalculatorFields does for number fields, so a link
 * reopens the same view. Unknown values in the URL are ignored; the default is left out of links.
 */
export function useUrlChoice<Option extends string>(
  calculatorId: string,
  name: string,
  options: readonly Option[],
  initial: Option,
): [Option, (next: Option) => void] {
  const [choice, setChoice] = useState<Option>(initial);
  const loadedFromUrl = useRef(false);

  useEffect(() => {
    const fromUrl = readCalculatorState(window.location.search, calculatorId, [name])[name];
    if (fromUrl !== undefined && (options as readonly string[]).includes(fromUrl)) setChoice(fromUrl as Option);
    loadedFromUrl.current = true;
  }, []);

  useEffect(() => {
    if (!loadedFromUrl.current) return;
    const query = writeCalculatorState(window.location.search, calculatorId, { [name]: choice }, { [name]: initial });
    if (query !== window.location.search) {
      history.replaceState(history.state, '', `${window.location.pathname}${query}${window.location.hash}`);
    }
  }, [choice]);

  return [choice, setChoice];
}
