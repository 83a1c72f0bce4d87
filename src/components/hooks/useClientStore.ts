import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import type { ReadableAtom } from 'nanostores';

/**
 * Reads a store that lives in the browser (localStorage) without breaking hydration: the first
 * render matches the server HTML (`serverValue`), then the real value renders. Preact's
 * hydrate() does not patch attributes, so rendering the stored value straight away would leave
 * stale `aria-*` values from the server HTML.
 */
export function useClientStore<Value>(store: ReadableAtom<Value>, serverValue: Value): Value {
  const value = useStore(store);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? value : serverValue;
}
