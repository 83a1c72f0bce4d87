/**
 * A stand-in cmi5 LMS on the package's file server: the fetch URL hands out an auth token, and an
 * xAPI endpoint under /xapi/ records the statements and state documents the AU sends (with that
 * token and the xAPI version header, or 401).
 */
import type { RequestHook } from './staticServer.ts';

export interface FakeLrs {
  statements: Record<string, any>[];
  /** `<registration>/<stateId>` → the JSON text stored. */
  states: Map<string, string>;
  fetchCalls: string[];
  unauthorized(): number;
  hook: RequestHook;
  /** The URL a cmi5 LMS launches an AU with (cmi5 8.1). */
  launchUrl(baseUrl: string, auPath: string, activityId: string, registration?: string): string;
}

const TOKEN = 'dGVzdDp0b2tlbg==';

export function fakeLrs(): FakeLrs {
  const statements: Record<string, any>[] = [];
  const states = new Map<string, string>();
  const fetchCalls: string[] = [];
  let unauthorized = 0;
  const hook: RequestHook = (request, body, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/fetch' && request.method === 'POST') {
      fetchCalls.push(url.search);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ 'auth-token': TOKEN }));
      return true;
    }
    if (!url.pathname.startsWith('/xapi/')) return false;
    if (request.headers.authorization !== `Basic ${TOKEN}` || request.headers['x-experience-api-version'] !== '1.0.3') {
      unauthorized++;
      response.writeHead(401).end();
      return true;
    }
    if (url.pathname === '/xapi/statements' && request.method === 'POST') {
      statements.push(JSON.parse(body));
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    } else if (url.pathname === '/xapi/activities/state') {
      const key = `${url.searchParams.get('registration')}/${url.searchParams.get('stateId')}`;
      if (request.method === 'PUT') {
        states.set(key, body);
        response.writeHead(204).end();
      } else if (states.has(key)) response.writeHead(200, { 'content-type': 'application/json' }).end(states.get(key));
      else response.writeHead(404).end();
    } else response.writeHead(404).end();
    return true;
  };
  return {
    statements,
    states,
    fetchCalls,
    unauthorized: () => unauthorized,
    hook,
    launchUrl(baseUrl, auPath, activityId, registration = 'reg-1') {
      const query = new URLSearchParams({
        endpoint: `${baseUrl}/xapi/`,
        fetch: `${baseUrl}/fetch?launch=1`,
        actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'urn:lms', name: 'learner-1' } }),
        registration,
        activityId,
      });
      return `${baseUrl}/${auPath}?${query}`;
    },
  };
}
