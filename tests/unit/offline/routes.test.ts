import { describe, expect, it } from 'vitest';
import { isQuizPage, offlinePageFor, offlineRoute } from '../../../src/lib/offline/routes.ts';
import { precacheUrlOf } from '../../../src/lib/offline/precache.ts';

describe('offlineRoute', () => {
  it.each([
    { path: '/api/quiz/attempt', route: 'never' },
    { path: '/api/learner/attempts/3/submit', route: 'never' },
    { path: '/api', route: 'never' },
    { path: '/trainer/', route: 'never' },
    { path: '/en/trainer/cohorts/4/', route: 'never' },
    { path: '/learn/', route: 'never' },
    { path: '/en/learn/test/7', route: 'never' },
    { path: '/join/abc', route: 'never' },
    { path: '/audio/ja/what-is-ltv.4df2ddf42d59b627.mp3', route: 'audio-file' },
    { path: '/audio/ja/what-is-ltv.json', route: 'audio-manifest' },
    { path: '/audio/ja/what-is-ltv.mp3', route: 'site' },
    { path: '/lessons/what-is-ltv/', route: 'site' },
    { path: '/lessons/what-is-ltv/quiz/', route: 'site' },
    { path: '/learning-notes/', route: 'site' },
    { path: '/apiary/', route: 'site' },
    { path: '/_astro/index.abc.js', route: 'site' },
  ])('$path → $route', ({ path, route }) => expect(offlineRoute(path)).toBe(route));
});

describe('the offline page and quiz pages', () => {
  it.each([
    { path: '/lessons/x/quiz/', quiz: true, offline: '/offline/' },
    { path: '/en/lessons/x/quiz', quiz: true, offline: '/en/offline/' },
    { path: '/lessons/x/', quiz: false, offline: '/offline/' },
    { path: '/en/listen/clv-practice/', quiz: false, offline: '/en/offline/' },
    { path: '/review/', quiz: false, offline: '/offline/' },
  ])('$path', ({ path, quiz, offline }) => {
    expect(isQuizPage(path)).toBe(quiz);
    expect(offlinePageFor(path)).toBe(offline);
  });
});

describe('precacheUrlOf', () => {
  it.each([
    { file: 'index.html', url: '/' },
    { file: 'en/index.html', url: '/en/' },
    { file: 'lessons/what-is-ltv/index.html', url: '/lessons/what-is-ltv/' },
    { file: '_astro/client.Ab12.js', url: '/_astro/client.Ab12.js' },
    { file: 'manifest.webmanifest', url: '/manifest.webmanifest' },
  ])('$file → $url', ({ file, url }) => expect(precacheUrlOf(file)).toBe(url));
});
