import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SharePanel from '../../../../src/components/trainer/authoring/SharePanel.tsx';

const MODULE = '11111111-1111-4111-8111-111111111111';
const sato = { trainerId: '22222222-2222-4222-8222-222222222222', name: '佐藤', email: 'sato@example.com', sharedAt: '2026-12-01T00:00:00.000Z' };
const kato = { trainerId: '33333333-3333-4333-8333-333333333333', name: '加藤', email: 'kato@example.com', sharedAt: '2026-12-02T00:00:00.000Z' };

/** The server: knows kato, not anyone else; revoking answers 204. */
function stubServer() {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url}`);
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      const { email } = JSON.parse(String(init.body)) as { email: string };
      const known = email === kato.email;
      return new Response(JSON.stringify(known ? { share: kato } : { error: 'unknown-trainer', message: 'no trainer' }), { status: known ? 201 : 404, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('SharePanel', () => {
  it('explains an unknown email, shares with a known one, and stops sharing', async () => {
    const calls = stubServer();
    render(<SharePanel locale="ja" moduleId={MODULE} initial={[sato]} />);
    const input = screen.getByLabelText('相手のメールアドレス（このサーバーのトレーナー）') as HTMLInputElement;

    fireEvent.input(input, { target: { value: 'nobody@example.com' } });
    fireEvent.submit(input.form!);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('nobody@example.com でサインインするトレーナーはこのサーバーにいません'));

    fireEvent.input(input, { target: { value: kato.email } });
    fireEvent.submit(input.form!);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('加藤 さんと共有しました。'));
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([expect.stringContaining('佐藤'), expect.stringContaining('加藤')]);
    expect(input.value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: '佐藤 さんとの共有をやめる' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('佐藤 さんとの共有をやめました。'));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(calls.at(-1)).toBe(`DELETE /api/trainer/modules/${MODULE}/shares/${sato.trainerId}`);
  });
});
