import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PublishPanel from '../../../../src/components/trainer/authoring/PublishPanel.tsx';
import { startAutosave } from '../../../../src/components/trainer/authoring/editorStore.ts';
import { publishProblems } from '../../../../src/lib/authoring/publish.ts';

const MODULE = '11111111-1111-4111-8111-111111111111';

/** A module not ready to publish, answered by the server with its problems (as publishProblems words them). */
const problems = publishProblems({
  lessons: [
    { id: 'l1', title: '料金の説明', sections: [{ markdown: '', spoken: null }], questions: [] },
    { id: 'l2', title: '導入の流れ', sections: [{ markdown: '三つの手順です。', spoken: null }], questions: [{}, {}] as never[] },
  ],
} as never);

function stubServer() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url.endsWith('/publish')
        ? Response.json({ error: 'not-ready', problems }, { status: 409 })
        : Response.json({ audio: null }),
    ),
  );
}
afterEach(() => vi.unstubAllGlobals());

describe('PublishPanel', () => {
  it.each([
    ['ja', ['レッスン「料金の説明」に本文がありません。', 'レッスン「料金の説明」の問題が0問です。あと3問以上必要です（3問以上）。', 'レッスン「導入の流れ」の問題が2問です。あと1問以上必要です（3問以上）。']],
    ['en', ['Lesson “料金の説明” has no text.', 'Lesson “料金の説明” has 0 questions: add at least 3 more (3 needed).', 'Lesson “導入の流れ” has 2 questions: add at least 1 more (3 needed).']],
  ] as const)('lists what keeps the module from being published in the editor’s language (%s)', async (locale, expected) => {
    stubServer();
    startAutosave(MODULE, { draft: 4 });
    render(<PublishPanel locale={locale} moduleId={MODULE} versions={0} />);
    fireEvent.click(screen.getByRole('button', { name: locale === 'ja' ? '公開する' : 'Publish' }));
    await waitFor(() => expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(expected));
  });
});
