import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { cleanStores } from 'nanostores';
import { $progress, $progressNotice } from '../../src/stores/progress.ts';

// Every case starts from an empty page, empty storage and fresh stores.
afterEach(() => {
  cleanup();
  localStorage.clear();
  // Calculators mirror their inputs into the query string; each case starts from a clean URL.
  history.replaceState(null, '', '/');
  cleanStores($progress, $progressNotice);
  $progressNotice.set(null);
});
