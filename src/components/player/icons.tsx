/** Small inline icons for the player's buttons; the buttons carry the words (aria-label). */
const PATHS = {
  play: 'M8 5v14l11-7z',
  pause: 'M7 5h4v14H7zm6 0h4v14h-4z',
  previousSentence: 'M11 18V6l-8.5 6zm.5-6 8.5 6V6z',
  nextSentence: 'M4 18l8.5-6L4 6zm9-12v12l8.5-6z',
  previousSection: 'M6 6h2v12H6zm3.5 6 8.5 6V6z',
  nextSection: 'M6 18l8.5-6L6 6zm10-12h2v12h-2z',
  settings: 'M4 7h10M18 7h2M4 17h2M10 17h10M14 5v4M8 15v4',
  follow: 'M12 4v12m-5-5 5 5 5-5M5 20h14',
  close: 'M6 6l12 12M18 6 6 18',
} as const;

export type IconName = keyof typeof PATHS;

/** Stroke icons (settings, follow, close) are lines; the others are filled shapes. */
const STROKED = new Set<IconName>(['settings', 'follow', 'close']);

export function Icon({ name }: { name: IconName }) {
  const stroked = STROKED.has(name);
  return (
    <svg
      class="player-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill={stroked ? 'none' : 'currentColor'}
      stroke={stroked ? 'currentColor' : 'none'}
      stroke-width={stroked ? 2 : 0}
      stroke-linecap="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
