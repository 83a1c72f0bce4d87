/** The cmi5 adapter's LRS calls over fetch, with the auth token from the LMS's fetch URL (cmi5 8.2). */
import type { Cmi5LaunchParameters, Cmi5Transport } from '../lib/scorm/runtimeCmi5.ts';

export function fetchTransport(launch: Cmi5LaunchParameters): Cmi5Transport {
  let token = '';
  const headers = () => ({ Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' });
  const stateUrl = (stateId: string) => {
    const query = new URLSearchParams({ activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration, stateId });
    return `${launch.endpoint}activities/state?${query}`;
  };
  return {
    async authenticate() {
      // The fetch URL answers once per launch with {"auth-token": "..."}.
      const response = await fetch(launch.fetch, { method: 'POST' });
      const body = (await response.json()) as { 'auth-token'?: string; 'error-text'?: string };
      if (!response.ok || !body['auth-token']) throw new Error(`cmi5 fetch URL refused: ${body['error-text'] ?? response.status}`);
      token = body['auth-token'];
    },
    async getState(stateId) {
      const response = await fetch(stateUrl(stateId), { headers: headers() });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`LRS state ${stateId}: ${response.status}`);
      return response.json();
    },
    async putState(stateId, body) {
      const response = await fetch(stateUrl(stateId), { method: 'PUT', headers: headers(), body: JSON.stringify(body), keepalive: true });
      if (!response.ok) throw new Error(`LRS state ${stateId}: ${response.status}`);
    },
    async sendStatement(statement) {
      // keepalive: terminated is sent while the page unloads.
      const response = await fetch(`${launch.endpoint}statements`, { method: 'POST', headers: headers(), body: JSON.stringify(statement), keepalive: true });
      if (!response.ok) throw new Error(`LRS statement: ${response.status}`);
    },
  };
}
