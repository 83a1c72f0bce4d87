import type { APIRoute } from 'astro';

// On demand, so a deployment check hits the running server rather than a prerendered file.
export const prerender = false;

export const GET: APIRoute = () =>
  new Response(JSON.stringify({ ok: true, service: 'ltv-dojo' }), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
