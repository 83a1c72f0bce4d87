import { NARRATION_ATTRIBUTE } from './keyboard.ts';

/**
 * Click (or Enter on) a paragraph to listen from there. Clicks on links, buttons, fields and
 * calculators keep their own meaning, and so does selecting text. While `enable`d the blocks
 * are focusable and say what Enter does; `disable` takes that back.
 */
export function createBlockClicks(elements: ReadonlyMap<string, HTMLElement>, hintId: string, onBlock: (blockId: string) => void) {
  const idOf = new Map<Element, string>([...elements].map(([id, element]) => [element, id]));
  let enabled = false;

  const blockFrom = (target: EventTarget | null): string | undefined => {
    if (!(target instanceof Element)) return undefined;
    if (target.closest('a, button, input, select, textarea, label, summary, astro-island, [role="button"], .term')) return undefined;
    for (let element: Element | null = target; element; element = element.parentElement) {
      const id = idOf.get(element);
      if (id !== undefined) return id;
    }
    return undefined;
  };
  const onClick = (event: MouseEvent) => {
    if (!enabled || event.button !== 0 || String(getSelection() ?? '') !== '') return;
    const id = blockFrom(event.target);
    if (id !== undefined) onBlock(id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!enabled || event.key !== 'Enter' || !(event.target instanceof Element)) return;
    const id = idOf.get(event.target);
    if (id === undefined) return;
    event.preventDefault();
    onBlock(id);
  };
  document.addEventListener('click', onClick);
  document.addEventListener('keydown', onKeyDown);

  const setEnabled = (next: boolean) => {
    if (next === enabled) return;
    enabled = next;
    for (const element of idOf.keys()) {
      if (!(element instanceof HTMLElement) || element.closest('astro-island')) continue;
      if (next) {
        element.tabIndex = 0;
        element.setAttribute(NARRATION_ATTRIBUTE, '');
        element.setAttribute('aria-describedby', hintId);
      } else {
        element.removeAttribute('tabindex');
        element.removeAttribute(NARRATION_ATTRIBUTE);
        element.removeAttribute('aria-describedby');
      }
    }
  };

  return {
    setEnabled,
    destroy(): void {
      setEnabled(false);
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKeyDown);
    },
  };
}
