/**
 * The save button against an in-memory Cache Storage and a fake server: the size is shown before
 * (build-time sizes plus HEAD for the pages), the files are stored whole, the record goes in last
 * and the saved state shows; removing deletes the module's cache; a failed download leaves nothing
 * behind and says what failed.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SaveModule from '../../../src/components/offline/SaveModule.tsx';
import { SAVED_RECORD_URL, isCacheOfModule, savedCacheName } from '../../../src/lib/offline/savedModule.ts';

class MemoryCache {
  entries = new Map<string, Response>();
  async match(key: string | Request) {
    const hit = this.entries.get(typeof key === 'string' ? key : key.url);
    return hit?.clone();
  }
  async put(key: string, response: Response) {
    this.entries.set(key, response);
  }
}

class MemoryCaches {
  stores = new Map<string, MemoryCache>();
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new MemoryCache());
    return this.stores.get(name)!;
  }
  async has(name: string) {
    return this.stores.has(name);
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
  async keys() {
    return [...this.stores.keys()];
  }
}

const files: Record<string, number> = {
  '/listen/m/': 3000,
  '/lessons/a/': 2000,
  '/audio/ja/a.json': 500,
  '/audio/ja/a.0123456789abcdef.mp3': 1_500_000,
};

let memory: MemoryCaches;
/** The names of module M's caches (a save, and any later save made beside it). */
const cachesOfM = () => [...memory.stores.keys()].filter((name) => isCacheOfModule(name, 'en', 'm'));
const onlyCacheOfM = () => {
  const names = cachesOfM();
  expect(names).toHaveLength(1);
  return memory.stores.get(names[0]!)!;
};
let failing: string | undefined;

beforeEach(() => {
  memory = new MemoryCaches();
  failing = undefined;
  vi.stubGlobal('caches', memory);
  Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const size = files[url];
      if (size === undefined || url === failing) return new Response('', { status: 404 });
      const headers = { 'content-length': String(size), 'content-type': url.endsWith('.mp3') ? 'audio/mpeg' : 'text/html' };
      return new Response(init?.method === 'HEAD' ? null : new Uint8Array(size), { status: 200, headers });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const props = {
  locale: 'en' as const,
  moduleId: 'm',
  title: 'Module M',
  href: '/listen/m/',
  lessons: [
    { title: 'A', href: '/lessons/a/', hasAudio: true },
    { title: 'B', href: '/lessons/b/', hasAudio: false },
  ],
  entries: [
    { url: '/listen/m/' },
    { url: '/lessons/a/' },
    { url: '/audio/ja/a.json', bytes: 500 },
    { url: '/audio/ja/a.0123456789abcdef.mp3', bytes: 1_500_000 },
  ],
};

describe('SaveModule', () => {
  it('shows the total size, saves every file whole with the record last, then shows the saved state', async () => {
    render(<SaveModule {...props} />);
    // 3000 + 2000 (HEAD) + 500 + 1,500,000 = 1,505,500 bytes.
    await screen.findByText('Download size: 1.5 MB');
    expect(screen.getByText(/1 lesson\(s\) have no recorded audio/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save this module on this device' }));
    await screen.findByText(/Saved on this device \(1\.5 MB/);
    const cache = onlyCacheOfM();
    expect([...cache.entries.keys()]).toEqual([...props.entries.map((entry) => entry.url), SAVED_RECORD_URL]);
    const mp3 = cache.entries.get('/audio/ja/a.0123456789abcdef.mp3')!;
    expect(mp3.status).toBe(200);
    expect((await mp3.clone().arrayBuffer()).byteLength).toBe(1_500_000);
    const record = JSON.parse(await cache.entries.get(SAVED_RECORD_URL)!.clone().text());
    expect(record).toMatchObject({ moduleId: 'm', locale: 'en', bytes: 1_505_500, href: '/listen/m/' });
  });

  it('removes the module: its cache is gone and the button is back', async () => {
    render(<SaveModule {...props} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save this module on this device' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove from this device' }));
    await screen.findByText('Removed from this device.');
    expect(cachesOfM()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Save this module on this device' })).toBeTruthy();
  });

  it('a failed download names the file and leaves nothing half-saved', async () => {
    failing = '/audio/ja/a.0123456789abcdef.mp3';
    render(<SaveModule {...props} />);
    await screen.findByText(/Download size:/);
    fireEvent.click(screen.getByRole('button', { name: 'Save this module on this device' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('/audio/ja/a.0123456789abcdef.mp3: HTTP 404');
    await waitFor(() => expect(cachesOfM()).toEqual([]));
  });

  it('a cache without its record (a save cut short) asks to save again', async () => {
    await memory.open(savedCacheName('en', 'm'));
    render(<SaveModule {...props} />);
    await screen.findByText('The last save stopped before it finished. Please save again.');
  });

  describe('after the narration was re-rendered (a new MP3 name)', () => {
    const rerendered = { ...props, entries: props.entries.map((entry) => (entry.url.endsWith('.mp3') ? { ...entry, url: '/audio/ja/a.fedcba9876543210.mp3' } : entry)) };
    const saveOld = async () => {
      const { unmount } = render(<SaveModule {...props} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Save this module on this device' }));
      await screen.findByText(/Saved on this device/);
      unmount();
    };

    it('says the saved copy is older and saves the latest, replacing the old copy only once complete', async () => {
      files['/audio/ja/a.fedcba9876543210.mp3'] = 1_400_000;
      await saveOld();
      render(<SaveModule {...rerendered} />);
      await screen.findByTestId('offline-save-outdated');
      expect(screen.getByTestId('offline-save-outdated').textContent).toContain('have changed since you saved them');
      fireEvent.click(screen.getByRole('button', { name: 'Save the latest version' }));
      await waitFor(() => expect(onlyCacheOfM().entries.has(SAVED_RECORD_URL) && onlyCacheOfM().entries.has('/audio/ja/a.fedcba9876543210.mp3')).toBe(true));
      await waitFor(() => expect(screen.queryByTestId('offline-save-outdated')).toBeNull());
      expect(screen.getByTestId('offline-save-status').textContent).toContain('Saved on this device');
      const cache = onlyCacheOfM();
      expect(cache.entries.has('/audio/ja/a.fedcba9876543210.mp3')).toBe(true);
      expect(cache.entries.has('/audio/ja/a.0123456789abcdef.mp3')).toBe(false);
      expect(screen.queryByRole('button', { name: 'Save the latest version' })).toBeNull();
    });

    it('an update that fails keeps the earlier save playable and says so', async () => {
      await saveOld();
      failing = '/audio/ja/a.fedcba9876543210.mp3';
      files['/audio/ja/a.fedcba9876543210.mp3'] = 1_400_000;
      render(<SaveModule {...rerendered} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Save the latest version' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Could not save again (the earlier save still works)');
      expect(alert.textContent).toContain('HTTP 404');
      const cache = onlyCacheOfM();
      expect(cache.entries.has('/audio/ja/a.0123456789abcdef.mp3')).toBe(true);
      expect(cache.entries.has(SAVED_RECORD_URL)).toBe(true);
      expect(screen.getByTestId('offline-save-status').textContent).toContain('Saved on this device');
    });
  });
});
