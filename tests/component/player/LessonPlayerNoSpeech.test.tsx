import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/preact';
import LessonPlayer from '../../../src/components/player/LessonPlayer.tsx';
import { PLAYER_TEXT } from '../../../src/components/player/text.ts';
import { lessonPlayer } from '../../../src/stores/player.ts';
import { LESSON_SEGMENTS } from './segments.ts';

beforeAll(() => {
  // A browser without the Web Speech API, and a server without cloud voices.
  Reflect.deleteProperty(window, 'speechSynthesis');
  vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
});
afterAll(() => {
  lessonPlayer.unload();
  vi.unstubAllGlobals();
});

describe('LessonPlayer without speech', () => {
  it.each(['ja', 'en'] as const)('says so plainly in %s and offers reading instead, with no dead Play button', async (locale) => {
    const text = PLAYER_TEXT[locale];
    const { unmount } = render(
      <LessonPlayer
        locale={locale}
        lessonId="what-is-ltv"
        title="LTV"
        album="Module"
        artist="LTV Dojo"
        segments={LESSON_SEGMENTS}
        otherLanguageHref="/other/"
        text={text}
      />,
    );
    const notice = await screen.findByTestId('player-notice');
    expect(notice.textContent).toContain(text.noSpeech);
    expect(screen.getByRole('button', { name: text.readInstead })).toBeTruthy();
    expect(screen.queryByRole('button', { name: text.play })).toBeNull();
    expect(screen.queryByTestId('player-toggle')).toBeNull();
    // No voice reads the other language either, so it is not offered.
    expect(screen.queryByRole('link', { name: text.listenOther })).toBeNull();
    unmount();
  });
});
