import { atom } from 'nanostores';

/** The newest version number published from this page, so the download panel offers it at once. */
export const $publishedVersion = atom(0);
