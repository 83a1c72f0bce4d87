import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CreateModuleForm from '../../../../src/components/trainer/authoring/CreateModuleForm.tsx';
import { imageNotice } from '../../../../src/components/trainer/authoring/importNotice.ts';

const MODULE = '11111111-1111-4111-8111-111111111111';

afterEach(() => vi.unstubAllGlobals());

describe('imageNotice', () => {
  it.each([
    ['ja', { stored: 2, skipped: { 'unsupported-type': 1, missing: 2 } }, '画像を2枚取り込みました。取り込めなかった画像：対応していない形式（SVG など。PNG・JPEG・GIF・WebP のみ対応）1枚、ファイル内に見つからない画像（リンクされた画像など）2枚。'],
    ['en', { stored: 0, skipped: { 'too-large': 1, 'too-many': 3 } }, 'Imported 0 images. Left out: 1 larger than 5 MB; 3 beyond the limit of 40 per module.'],
    ['ja', { stored: 3, skipped: {} }, ''],
    ['en', undefined, ''],
  ] as const)('%s %j → %s', (locale, images, expected) => {
    expect(imageNotice(locale, images)).toBe(expected);
  });
});

describe('CreateModuleForm', () => {
  it('says which pictures were left out and lets the trainer open the new draft', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ id: MODULE, lessons: [], images: { stored: 1, skipped: { 'unsupported-type': 1 } } }), { status: 201, headers: { 'content-type': 'application/json' } })));
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    render(<CreateModuleForm locale="ja" />);
    const input = screen.getByLabelText('Markdown') as HTMLTextAreaElement;
    fireEvent.input(input, { target: { value: '# 見出し\n\n本文' } });
    fireEvent.submit(input.form!);
    // A success with a caveat: a status (not an alert), the way on focused, no second Import button.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('モジュールの下書きを作成しました。画像を1枚取り込みました。取り込めなかった画像：対応していない形式（SVG など。PNG・JPEG・GIF・WebP のみ対応）1枚。編集画面を開く'));
    expect(screen.queryByRole('alert')).toBeNull();
    const open = screen.getByRole('link', { name: '編集画面を開く' });
    expect(open.getAttribute('href')).toContain(MODULE);
    await waitFor(() => expect(document.activeElement).toBe(open));
    expect(screen.queryByRole('button', { name: '取り込む' })).toBeNull();
    expect(assign).not.toHaveBeenCalled();
  });

  it('a refused file keeps the form, with the reason as an alert', async () => {
    const message = 'The file has no slides with text.';
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: 'empty-file', message }), { status: 400, headers: { 'content-type': 'application/problem+json' } })));
    render(<CreateModuleForm locale="ja" />);
    const input = screen.getByLabelText('Markdown') as HTMLTextAreaElement;
    fireEvent.input(input, { target: { value: '# 見出し' } });
    fireEvent.submit(input.form!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(message));
    expect(screen.queryByRole('status')).toBeNull();
    expect((screen.getByRole('button', { name: '取り込む' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
