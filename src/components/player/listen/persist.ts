/** The name both the listen page's dock and the placeholders carry (`transition:persist`). */
export const DOCK_PERSIST_NAME = 'listen-player';

const PERSIST_ATTRIBUTE = 'data-astro-transition-persist';
let installed = false;

/**
 * Astro keeps a `transition:persist` element only when the next page has one of the same name.
 * Listen pages render the dock; on the way to any other page, while something is playing, a
 * placeholder of that name is added to the incoming page, so the dock (and the voice) carries on.
 */
export function keepDockAcrossPages(isPlaying: () => boolean): void {
  if (installed) return;
  installed = true;
  document.addEventListener('astro:before-swap', (event) => {
    const incoming = (event as Event & { newDocument?: Document }).newDocument;
    if (!incoming || !isPlaying()) return;
    if (incoming.querySelector(`[${PERSIST_ATTRIBUTE}="${DOCK_PERSIST_NAME}"]`)) return;
    const placeholder = incoming.createElement('div');
    placeholder.setAttribute(PERSIST_ATTRIBUTE, DOCK_PERSIST_NAME);
    incoming.body.append(placeholder);
  });
}
