import type { APIRoute, GetStaticPaths } from 'astro';
import { feedHeaders, feedPaths, feedXml } from '../_podcast';

export const getStaticPaths = (() => feedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) =>
  new Response(await feedXml(props.lang, props.module, site!), { headers: feedHeaders });
