import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeWav, readWav } from '../../../src/lib/narration/audio/wav.ts';
import { azureSsml, createAzureRenderer } from '../../../src/server/audio/engines/azure.ts';
import { rendererFor } from '../../../src/server/audio/engines/index.ts';

/**
 * The Azure renderer against a local stand-in for the Speech service's REST endpoint: the
 * network boundary is real HTTP, only the far end is ours.
 */
interface Seen {
  headers: IncomingMessage['headers'];
  body: string;
}
const seen: Seen[] = [];
let answers: Array<(response: ServerResponse) => void> = [];
const wav = encodeWav(new Int16Array(2400).fill(1000), 24_000);

const server = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    seen.push({ headers: request.headers, body });
    const answer = answers.shift() ?? ((r: ServerResponse) => r.writeHead(200, { 'content-type': 'audio/wav' }).end(wav));
    answer(response);
  });
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cognitiveservices/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  answers = [];
});

const config = { key: 'secret-key-123', region: 'japaneast' };
const renderer = (overrides = {}) => createAzureRenderer({ config, locale: 'ja', endpoint, retryDelayMs: 5, ...overrides });

describe('Azure renderer', () => {
  it('asks for 24 kHz mono WAV with the key in a header and returns the WAV', async () => {
    const audio = await renderer().render('顧客生涯価値とは何か。');
    expect(readWav(audio.bytes).sampleRate).toBe(24_000);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['ocp-apim-subscription-key']).toBe('secret-key-123');
    expect(seen[0]!.headers['x-microsoft-outputformat']).toBe('riff-24khz-16bit-mono-pcm');
    expect(seen[0]!.headers['content-type']).toBe('application/ssml+xml');
    expect(seen[0]!.body).toContain('<voice name="ja-JP-NanamiNeural">顧客生涯価値とは何か。</voice>');
    expect(seen[0]!.body).toContain('xml:lang="ja-JP"');
  });

  it('escapes the text so a sentence never becomes SSML markup', () => {
    const ssml = azureSsml('A < B & "C" </voice><voice name="x">', 'en', 'en-US-JennyNeural');
    expect(ssml).toContain('A &lt; B &amp; &quot;C&quot; &lt;/voice&gt;&lt;voice name=&quot;x&quot;&gt;');
    expect(ssml.match(/<voice /g)).toHaveLength(1);
  });

  it('waits and retries when throttled (429, honouring Retry-After) or on a server error', async () => {
    answers = [(r) => r.writeHead(429, { 'retry-after': '0' }).end(), (r) => r.writeHead(503).end()];
    const audio = await renderer().render('テスト');
    expect(audio.format).toBe('wav');
    expect(seen).toHaveLength(3);
  });

  it('gives up after the last try, saying how often it tried', async () => {
    answers = [(r) => r.writeHead(500).end(), (r) => r.writeHead(500).end()];
    await expect(renderer({ attempts: 2 }).render('テスト')).rejects.toThrow('Azure Speech: HTTP 500 after 2 tries');
  });

  it('names the settings to check when the key is refused, without repeating the key', async () => {
    answers = [(r) => r.writeHead(401).end()];
    const failure = renderer().render('テスト');
    await expect(failure).rejects.toThrow(/key was refused \(HTTP 401\).*AZURE_SPEECH_KEY/);
    await expect(failure).rejects.not.toThrow(/secret-key-123/);
    expect(seen).toHaveLength(1);
  });

  it('refuses an answer that is not WAV', async () => {
    answers = [(r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy login</html>')];
    await expect(renderer().render('テスト')).rejects.toThrow('not the WAV asked for');
  });

  it('says when nothing answers', async () => {
    const unreachable = createAzureRenderer({ config, locale: 'en', endpoint: 'http://127.0.0.1:9/', attempts: 2, retryDelayMs: 1 });
    await expect(unreachable.render('Hello.')).rejects.toThrow(/no answer from http:\/\/127\.0\.0\.1:9\/ after 2 tries/);
  });

  it('refuses a voice name that is not one', () => {
    expect(() => createAzureRenderer({ config, locale: 'ja', voice: 'x"><evil' })).toThrow('is not a voice name');
  });
});

describe('rendererFor: Azure is chosen by the environment and never required', () => {
  const env = { AZURE_SPEECH_KEY: 'k', AZURE_SPEECH_REGION: 'japaneast', PATH: process.env.PATH };

  it.each([
    ['auto with a key', 'auto', env, 'azure'],
    ['local with a key', 'local', env, 'open-jtalk-or-missing'],
    ['auto without a key', 'auto', { PATH: process.env.PATH }, 'open-jtalk-or-missing'],
  ] as const)('%s', (_name, choice, environment, expected) => {
    const availability = rendererFor('ja', choice, environment);
    if (expected === 'azure') {
      expect(availability.ok && availability.renderer.id).toBe('azure');
    } else {
      expect(availability.ok ? availability.renderer.id : 'missing').not.toBe('azure');
    }
  });

  it('explains what --engine azure needs when the key is missing', () => {
    const availability = rendererFor('en', 'azure', {});
    expect(availability).toMatchObject({ ok: false, reason: expect.stringContaining('AZURE_SPEECH_KEY and AZURE_SPEECH_REGION') });
  });

  it('takes the voice from AZURE_SPEECH_VOICE_EN, and reports a malformed one', () => {
    const picked = rendererFor('en', 'azure', { ...env, AZURE_SPEECH_VOICE_EN: 'en-GB-SoniaNeural' });
    expect(picked.ok && picked.renderer.voice).toBe('en-GB-SoniaNeural');
    const bad = rendererFor('en', 'azure', { ...env, AZURE_SPEECH_VOICE_EN: 'bad voice' });
    expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('AZURE_SPEECH_VOICE_EN') });
  });
});
