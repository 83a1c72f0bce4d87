import type { CloudPonyfill, CloudUtterance } from '../../../src/components/player/engines/azure.ts';

interface Download {
  utterance: CloudUtterance;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * web-speech-cognitive-services as far as the adapter sees it, with its real behaviour where
 * it matters: speak() calls preload() (which starts the download) and queues the utterance;
 * playing dispatches `start`, waits for the download, then plays and dispatches `end` (or
 * `error` if the download failed). cancel() empties the queue but cannot stop a download.
 */
export function fakeCloud(voiceList: { name: string; lang: string; voiceURI: string }[] = []) {
  const downloads: Download[] = [];
  const played: string[] = [];
  const voiceListeners: (() => void)[] = [];
  let voices: typeof voiceList = [];
  let queue: FakeCloudUtterance[] = [];
  let playing = false;

  class FakeCloudUtterance extends EventTarget implements CloudUtterance {
    text: string;
    lang = '';
    rate = 1;
    voice: { voiceURI: string } | null = null;
    arrayBufferPromise?: Promise<ArrayBuffer>;
    constructor(text: string) {
      super();
      this.text = text;
    }
    preload(_options: unknown): void {
      this.arrayBufferPromise = new Promise<ArrayBuffer>((resolve, reject) => {
        downloads.push({ utterance: this, resolve: () => resolve(new ArrayBuffer(8)), reject });
      });
    }
  }

  async function consume(): Promise<void> {
    if (playing) return;
    playing = true;
    for (let next = queue.shift(); next; next = queue.shift()) {
      next.dispatchEvent(new Event('start'));
      try {
        await next.arrayBufferPromise;
        played.push(next.text);
        next.dispatchEvent(new Event('end'));
      } catch {
        next.dispatchEvent(Object.assign(new Event('error'), { error: 'synthesis-failed' }));
      }
    }
    playing = false;
  }

  const ponyfill: CloudPonyfill = {
    speechSynthesis: {
      speak(utterance) {
        utterance.preload({ fetchCredentials: 'internal' });
        queue.push(utterance as FakeCloudUtterance);
        void consume();
        return Promise.resolve();
      },
      cancel() {
        queue = [];
      },
      getVoices: () => voices,
      addEventListener(_type, listener) {
        voiceListeners.push(listener);
      },
    },
    SpeechSynthesisUtterance: FakeCloudUtterance,
  };

  return {
    ponyfill,
    downloads,
    played,
    loadVoices() {
      voices = voiceList;
      for (const listener of voiceListeners) listener();
    },
    /** Lets pending promise callbacks run. */
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };
}
