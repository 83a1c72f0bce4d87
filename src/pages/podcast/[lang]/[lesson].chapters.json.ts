import type { APIRoute, GetStaticPaths } from 'astro';
import { chapterPaths, lessonChapters } from '../_podcast';

export const getStaticPaths = (() => chapterPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(lessonChapters(props.lang, props.lesson, props.audio.manifest.segments)), {
    headers: { 'content-type': 'application/json+chapters' },
  });
