import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AudioStatus from '../../../src/components/trainer/authoring/AudioStatus.tsx';
import type { ModuleAudio } from '../../../src/lib/authoring/audioStatus.ts';

const base: ModuleAudio = { versionId: 'v', number: 2, status: 'queued', done: 0, total: 0, message: null, packages: [] };

/** The server's answers, one per request, the last repeated. */
function serve(...answers: Partial<ModuleAudio>[]) {
  const fetch = vi.fn(async () => Response.json({ audio: { ...base, ...(answers.length > 1 ? answers.shift() : answers[0]) } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
afterEach(() => vi.unstubAllGlobals());

describe('AudioStatus', () => {
  it('shows 作成中 n/m with a progress bar, asks again, then 完成', async () => {
    const fetch = serve({ status: 'rendering', done: 3, total: 10 }, { status: 'ready', done: 10, total: 10 });
    render(<AudioStatus locale="ja" moduleId="m1" refresh={0} />);
    expect(await screen.findByText(/作成中（3\/10）/)).toBeTruthy();
    expect((screen.getByRole('progressbar', { name: '録音ナレーションの作成の進み具合' }) as HTMLProgressElement).value).toBe(3);
    await waitFor(() => expect(screen.getByTestId('audio-status').dataset['status']).toBe('ready'), { timeout: 5000 });
    expect(screen.getAllByText(/完成/).length).toBeGreaterThan(0);
    expect(fetch).toHaveBeenCalledWith('/api/trainer/modules/m1/audio', expect.objectContaining({ method: 'GET' }));
    const calls = fetch.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // Ready: no more polling.
    expect(fetch.mock.calls.length).toBe(calls);
  });

  it.each([
    ['ja', { status: 'failed', message: 'open_jtalk exited with code 1' }, '失敗（open_jtalk exited with code 1）'],
    ['en', { status: 'failed', message: 'open_jtalk exited with code 1' }, 'Failed (open_jtalk exited with code 1)'],
    ['ja', { status: 'unavailable', packages: ['open-jtalk', 'ffmpeg'] }, 'open-jtalk ffmpeg のインストールが必要です'],
    ['en', { status: 'unavailable', packages: ['flite'] }, 'it needs flite'],
  ] as const)('%s %j says %s', async (locale, answer, expected) => {
    serve(answer as Partial<ModuleAudio>);
    render(<AudioStatus locale={locale} moduleId="m1" refresh={0} />);
    await waitFor(() => expect(screen.getByTestId('audio-status').textContent).toContain(expected));
    expect(screen.getByRole('status').textContent).toContain(expected);
  });

  it('shows nothing before the first publish', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ audio: null })));
    const { container } = render(<AudioStatus locale="ja" moduleId="m1" refresh={0} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });

  describe('after a failure', () => {
    /** GET answers in turn (the last repeated); POST answers `post`. */
    function serveRetry(post: { status: number; body: unknown }, ...gets: Partial<ModuleAudio>[]) {
      const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
        if (init?.method === 'POST') return Response.json(post.body, { status: post.status });
        return Response.json({ audio: { ...base, ...(gets.length > 1 ? gets.shift() : gets[0]) } });
      });
      vi.stubGlobal('fetch', fetch);
      return fetch;
    }
    const failed = { status: 'failed', message: 'open_jtalk exited with code 1' } as const;

    it('offers 「音声をもう一度作成する」 next to the reason; it posts, says it is being made, and asks again until 完成', async () => {
      const fetch = serveRetry({ status: 202, body: { audio: { ...base, status: 'queued' } } }, failed, { status: 'rendering', done: 1, total: 4 }, { status: 'ready', done: 4, total: 4 });
      render(<AudioStatus locale="ja" moduleId="m1" refresh={0} />);
      const button = await screen.findByRole('button', { name: '音声をもう一度作成する' });
      expect(button.closest('p')?.textContent).toContain('失敗（open_jtalk exited with code 1）');
      button.focus();
      fireEvent.click(button);
      await waitFor(() => expect(screen.getByTestId('audio-status').dataset['status']).not.toBe('failed'));
      expect(fetch).toHaveBeenCalledWith('/api/trainer/modules/m1/audio', expect.objectContaining({ method: 'POST' }));
      expect(screen.queryByRole('button', { name: '音声をもう一度作成する' })).toBeNull();
      // The button is gone: the keyboard is on the line that says what happens now, and it is announced.
      expect(document.activeElement?.textContent).toMatch(/作成中/);
      expect(screen.getByRole('status').textContent).toBe('録音ナレーションを作成中です');
      await waitFor(() => expect(screen.getByTestId('audio-status').dataset['status']).toBe('ready'), { timeout: 8000 });
    });

    it('in English: "Render the audio again"; a 409 shows the state the server names', async () => {
      serveRetry({ status: 409, body: { error: 'audio-already-ready', audio: { ...base, status: 'ready' } } }, failed, { status: 'ready' });
      render(<AudioStatus locale="en" moduleId="m1" refresh={0} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Render the audio again' }));
      await waitFor(() => expect(screen.getByTestId('audio-status').dataset['status']).toBe('ready'));
      expect(screen.getByTestId('audio-status').textContent).toContain('Ready');
    });

    it('a refused retry says why and keeps the button', async () => {
      serveRetry({ status: 404, body: { error: 'not-found' } }, failed);
      render(<AudioStatus locale="ja" moduleId="m1" refresh={0} />);
      fireEvent.click(await screen.findByRole('button', { name: '音声をもう一度作成する' }));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('音声の作成をやり直せませんでした（not-found）'));
      expect(screen.getByRole('button', { name: '音声をもう一度作成する' })).toBeTruthy();
      expect(screen.getByTestId('audio-status').dataset['status']).toBe('failed');
    });

    it.each(['queued', 'rendering', 'ready', 'unavailable'] as const)('no button while %s', async (status) => {
      serve({ status, packages: ['open-jtalk'] });
      render(<AudioStatus locale="ja" moduleId="m1" refresh={0} />);
      await waitFor(() => expect(screen.getByTestId('audio-status').dataset['status']).toBe(status));
      expect(screen.queryByRole('button')).toBeNull();
    });
  });
});
