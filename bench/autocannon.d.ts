// The few parts of autocannon's API that bench/load.bench.ts uses (the package ships no types,
// and @types/autocannon is not installed).
declare module 'autocannon' {
  export interface Client {
    setRequest(request: { method?: string; path?: string; body?: string; headers?: Record<string, string> }): void;
    on(event: 'response', listener: (statusCode: number, resBytes: number, responseTime: number) => void): void;
  }
  export interface Histogram {
    average: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p97_5: number;
    p99: number;
  }
  export interface Options {
    url: string;
    connections?: number;
    amount?: number;
    duration?: number;
    overallRate?: number;
    connectionRate?: number;
    timeout?: number;
    method?: string;
    setupClient?: (client: Client) => void;
  }
  export interface Result {
    errors: number;
    timeouts: number;
    non2xx: number;
    latency: Histogram;
    requests: Histogram;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
