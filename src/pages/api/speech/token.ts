import type { APIRoute } from 'astro';
import { createTokenEndpoint } from '../../../server/speech/endpoint.ts';

// On demand: the answer depends on the server's environment and changes every few minutes.
export const prerender = false;

// process.env, not import.meta.env: the key is read at run time and never built into a bundle.
const endpoint = createTokenEndpoint({ env: process.env });

/** Neither method takes a body or query; anything sent is ignored, never echoed. */
const handle: APIRoute = (context) => endpoint(context.request, safeAddress(() => context.clientAddress));

export const GET = handle;
export const POST = handle;

function safeAddress(read: () => string): string {
  try {
    return read();
  } catch {
    return 'unknown'; // Behind some adapters the address is not known.
  }
}
