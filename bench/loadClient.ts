/**
 * The load generator of bench/load.bench.ts, on node:http: one keep-alive connection per learner,
 * like one browser tab. Open loop (fireSchedule): every request leaves at its scheduled time
 * whether or not earlier replies have come back, and its latency counts from that time, so a
 * server that falls behind shows as latency, not as fewer requests sent (no "coordinated
 * omission"). Closed loop (fireBackToBack): each connection sends its next request when the
 * last reply has arrived.
 *
 * Why not autocannon, which the benchmark used before: a path set with client.setRequest() holds
 * for one request only (autocannon then goes back to its `url`, here `POST /`, the home page), so
 * only the first request of each connection was a submission; and overallRate does not spread
 * requests (each connection's 1-second timer starts at the same moment, so 200 connections at
 * 200 req/s send 200 requests at once every second).
 */
import http from 'node:http';

export interface Shot {
  /** Milliseconds after the start. */
  at: number;
  /** Index of the connection (learner) that sends it. */
  connection: number;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface Fired {
  /** Sorted ascending, in ms. */
  latencies: number[];
  errors: number;
  requestsPerSecond: number;
}

export interface Connections {
  agents: http.Agent[];
  close(): void;
}

/** One keep-alive connection per learner, opened before measuring (a TCP connect is not the server's work). */
export async function openConnections(origin: string, count: number): Promise<Connections> {
  const agents = Array.from({ length: count }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  await Promise.all(agents.map((agent) => send(origin, agent, { at: 0, connection: 0, method: 'GET', path: '/api/health' })));
  return { agents, close: () => agents.forEach((agent) => agent.destroy()) };
}

function send(origin: string, agent: http.Agent, shot: Shot): Promise<number> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...shot.headers };
    if (shot.body !== undefined) headers['content-length'] = Buffer.byteLength(shot.body);
    const request = http.request(origin + shot.path, { method: shot.method, agent, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', () => resolve(0));
    });
    request.setTimeout(10_000, () => request.destroy());
    request.on('error', () => resolve(0));
    request.end(shot.body);
  });
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number) : NaN;
}

/** Sends every shot at its time on its connection; resolves when all have answered. */
export async function fireSchedule(origin: string, connections: Connections, shots: readonly Shot[]): Promise<Fired> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    shots.map(
      (shot) =>
        new Promise<void>((resolve) => {
          const due = start + shot.at;
          setTimeout(async () => {
            const status = await send(origin, connections.agents[shot.connection]!, shot);
            latencies.push(performance.now() - due);
            if (status < 200 || status >= 300) errors++;
            resolve();
          }, Math.max(0, due - performance.now()));
        }),
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, errors, requestsPerSecond: Math.round(shots.length / seconds) };
}

/** Each connection sends its own requests one after another, the next as soon as the last reply has arrived. */
export async function fireBackToBack(origin: string, connections: Connections, queues: readonly (readonly Shot[])[]): Promise<Fired> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    queues.map(async (queue, connection) => {
      for (const shot of queue) {
        const sent = performance.now();
        const status = await send(origin, connections.agents[connection]!, shot);
        latencies.push(performance.now() - sent);
        if (status < 200 || status >= 300) errors++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, errors, requestsPerSecond: Math.round(latencies.length / seconds) };
}
