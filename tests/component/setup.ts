import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { cleanStores } from 'nanostores';
import { $progress, $progressNotice } from '../../src/stores/progress.ts';
import { $quizSessions } from '../../src/stores/quiz.ts';
import { $quizHistory } from '../../src/stores/quizHistory.ts';
import { $settings } from '../../src/stores/settings.ts';

// Every case starts from an empty page, empty storage and fresh stores.
afterEach(() => {
  cleanup();
  localStorage.clear();
  // Calculators mirror their inputs into the query string; each case starts from a clean URL.
  history.replaceState(null, '', '/');
  // Every persistent store, so none is left mounted: an unmount nanostores delays by a second
  // would otherwise run after happy-dom has gone, and fail on `window` in another file's time.
  cleanStores($progress, $progressNotice, $settings, $quizHistory, $quizSessions);
  $progressNotice.set(null);
});
