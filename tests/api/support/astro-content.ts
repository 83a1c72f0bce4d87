/** `astro:content` for the API tests (vitest.config.ts aliases it here): the collections read from disk. */
export { getCollection } from '../../../scripts/support/astro-content.ts';
