import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/lib/narration/audio/sha256.ts';
import { encodeWav, monoSamples, readWav, trimSilence } from '../../../src/lib/narration/audio/wav.ts';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('hashes %j as FIPS 180-4 says', (text, hash) => {
    expect(sha256Hex(text)).toBe(hash);
  });

  it('agrees with node:crypto on any text, across block boundaries and in UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
  });
});

describe('WAV files', () => {
  it('round-trips samples and measures the duration from the header', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const wav = encodeWav(samples, 24_000);
    expect(readWav(wav)).toMatchObject({ sampleRate: 24_000, channels: 1, bitsPerSample: 16, dataOffset: 44, frames: 6, durationSeconds: 6 / 24_000 });
    expect(Array.from(monoSamples(wav).samples)).toEqual(Array.from(samples));
  });

  it('skips chunks before the data (a LIST chunk, as ffmpeg writes) and trusts the file over a streamed size', () => {
    const plain = encodeWav(Int16Array.from([5, 6, 7]), 48_000);
    const list = new Uint8Array([...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]));
    const withList = new Uint8Array([...plain.subarray(0, 36), ...list, ...plain.subarray(36)]);
    // A writer that could not seek back leaves 0xFFFFFFFF as the data size.
    new DataView(withList.buffer).setUint32(36 + list.length + 4, 0xffffffff, true);
    expect(readWav(withList)).toMatchObject({ dataOffset: 44 + list.length, frames: 3 });
    expect(Array.from(monoSamples(withList).samples)).toEqual([5, 6, 7]);
  });

  it.each([
    ['not RIFF', new Uint8Array(44), /not a RIFF\/WAVE/],
    ['no data chunk', encodeWav(new Int16Array(0), 8000).subarray(0, 36), /no data chunk/],
  ])('refuses a file with %s', (_, bytes, message) => {
    expect(() => readWav(bytes)).toThrow(message);
  });

  it('refuses stereo, naming what it got', () => {
    const wav = encodeWav(Int16Array.from([1, 2, 3, 4]), 8000);
    new DataView(wav.buffer).setUint16(22, 2, true);
    expect(() => monoSamples(wav)).toThrow(/expected 16-bit mono, got 16-bit with 2 channel/);
  });
});

describe('trimSilence', () => {
  // -50 dBFS is about 104 in 16-bit samples. At 1000 Hz a 2 ms margin is 2 samples.
  const quiet = 50;
  const loud = 5000;
  it.each([
    ['cuts both ends, keeping the margin', [0, quiet, 0, 0, loud, -loud, 0, quiet, 0, 0], [0, 0, loud, -loud, 0, quiet]],
    ['keeps a file that is sound from end to end', [loud, 0, loud], [loud, 0, loud]],
    ['gives nothing for all silence', [0, quiet, -quiet, 0], []],
  ])('%s', (_, input, expected) => {
    expect(Array.from(trimSilence(Int16Array.from(input), 1000, -50, 2))).toEqual(expected);
  });
});
