/**
 * Keeps the sentence being said in view, until the learner scrolls away to read elsewhere:
 * then following stops (the player shows a "back to the sentence" button) until `resume()`.
 */
export function createFollower(onFollowingChange: (following: boolean) => void) {
  let following = true;
  const set = (next: boolean) => {
    if (next === following) return;
    following = next;
    onFollowingChange(next);
  };
  // Only the learner's own scrolling stops following: wheel, touch, and the scrolling keys.
  const stop = () => set(false);
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as Element | null;
    if (target?.closest?.('input, textarea, select, [contenteditable]')) return;
    if (['PageDown', 'PageUp', 'Home', 'End', 'ArrowDown', 'ArrowUp'].includes(event.key)) stop();
  };
  addEventListener('wheel', stop, { passive: true });
  addEventListener('touchmove', stop, { passive: true });
  addEventListener('keydown', onKey);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  function reveal(element: HTMLElement, force = false): void {
    if (!following && !force) return;
    const box = element.getBoundingClientRect();
    const margin = innerHeight * 0.15;
    const comfortable = box.top >= margin && box.bottom <= innerHeight - margin;
    if (!comfortable || force) element.scrollIntoView({ block: 'center', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
  }

  return {
    isFollowing: () => following,
    reveal,
    /** Follows again and brings the current sentence back into view. */
    resume(element: HTMLElement | undefined): void {
      set(true);
      if (element) reveal(element, true);
    },
    destroy(): void {
      removeEventListener('wheel', stop);
      removeEventListener('touchmove', stop);
      removeEventListener('keydown', onKey);
    },
  };
}
