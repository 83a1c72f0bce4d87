/**
 * Where a pop-up (a key term's definition) goes so it stays on screen: below its anchor when it
 * fits, above when only that fits, and shifted sideways so neither edge leaves the viewport.
 * Plain numbers in viewport pixels, so the rule is testable without a browser.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PopupPlacementInput {
  /** The element the pop-up explains (the term), as getBoundingClientRect reports it. */
  anchor: Box;
  /** The pop-up's own size. */
  popup: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Space between anchor and pop-up. */
  gap: number;
  /** The least space kept between the pop-up and the viewport's edges. */
  margin: number;
}

export interface PopupPlacement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

export function placePopup({ anchor, popup, viewport, gap, margin }: PopupPlacementInput): PopupPlacement {
  const rightmost = viewport.width - margin - popup.width;
  // Wider than the room: pin to the left margin (the CSS max-width keeps that from happening).
  const left = rightmost < margin ? margin : Math.min(Math.max(anchor.left, margin), rightmost);
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - popup.height;
  const fitsBelow = below + popup.height <= viewport.height - margin;
  const fitsAbove = above >= margin;
  const roomBelow = viewport.height - (anchor.top + anchor.height);
  const side = fitsBelow || (!fitsAbove && roomBelow >= anchor.top) ? 'below' : 'above';
  return { left, top: side === 'below' ? below : above, side };
}
