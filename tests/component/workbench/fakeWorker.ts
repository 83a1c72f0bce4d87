import { createWorkbenchHandler } from '../../../src/lib/workbench/handler.ts';
import type { WorkbenchRequest } from '../../../src/lib/workbench/protocol.ts';
import type { WorkerLike } from '../../../src/stores/workbench.ts';

export interface FakeWorker extends WorkerLike {
  terminated: boolean;
  requests: WorkbenchRequest[];
}

/**
 * A stand-in for the Web Worker that runs the real handler in this process and answers
 * asynchronously, as a worker does. `hold` keeps analyze requests unanswered (a long load).
 */
export function inProcessWorker(options: { hold?: boolean } = {}): FakeWorker {
  const fake: FakeWorker = {
    onmessage: null,
    onerror: null,
    terminated: false,
    requests: [],
    postMessage(request) {
      fake.requests.push(request);
      if (options.hold && request.type === 'analyze') return;
      setTimeout(() => void handle(request), 0);
    },
    terminate() {
      fake.terminated = true;
    },
  };
  const { handle } = createWorkbenchHandler(
    (message) => {
      if (!fake.terminated) setTimeout(() => fake.onmessage?.({ data: message }), 0);
    },
    { readSheet: async () => [] },
  );
  return fake;
}
