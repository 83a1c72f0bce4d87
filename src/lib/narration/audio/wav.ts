/** What the pipeline reads from a WAV file's header: enough to measure it and take its samples. */
export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Where the `data` chunk's samples begin, in bytes from the start of the file. */
  dataOffset: number;
  /** Length of the samples in bytes. */
  dataBytes: number;
  /** Sample frames (one sample per channel). */
  frames: number;
  durationSeconds: number;
}

/**
 * Reads a PCM WAV header, walking the chunks (ffmpeg and others may put `LIST` before `data`).
 * Throws with what was wrong: the pipeline caches only files it can measure.
 */
export function readWav(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('WAV: not a RIFF/WAVE file');
  let format: { channels: number; sampleRate: number; bitsPerSample: number } | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      const audioFormat = view.getUint16(body, true);
      // 1 is integer PCM; 0xFFFE (extensible) is what some writers use for the same.
      if (audioFormat !== 1 && audioFormat !== 0xfffe) throw new Error(`WAV: format ${audioFormat} is not integer PCM`);
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV: data chunk before fmt chunk');
      // A writer that streams cannot go back to fill in the size: take what is there.
      const dataBytes = Math.min(size, bytes.length - body);
      const frameBytes = format.channels * (format.bitsPerSample / 8);
      const frames = Math.floor(dataBytes / frameBytes);
      return { ...format, dataOffset: body, dataBytes: frames * frameBytes, frames, durationSeconds: frames / format.sampleRate };
    }
    at = body + size + (size % 2);
  }
  throw new Error('WAV: no data chunk');
}

/** The samples of a 16-bit mono WAV; anything else is refused (every engine here speaks mono). */
export function monoSamples(bytes: Uint8Array): { samples: Int16Array; sampleRate: number } {
  const info = readWav(bytes);
  if (info.channels !== 1 || info.bitsPerSample !== 16) {
    throw new Error(`WAV: expected 16-bit mono, got ${info.bitsPerSample}-bit with ${info.channels} channel(s)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + info.dataOffset, info.dataBytes);
  const samples = Int16Array.from({ length: info.frames }, (_, i) => view.getInt16(i * 2, true));
  return { samples, sampleRate: info.sampleRate };
}

/** A 16-bit mono PCM WAV file of `samples`. */
export function encodeWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, value: string) => [...value].forEach((character, i) => (bytes[at + i] = character.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((value, i) => view.setInt16(44 + i * 2, value, true));
  return bytes;
}

/**
 * `samples` without the silence at either end: everything before the first and after the last
 * sample louder than `thresholdDb` (dBFS), keeping `marginMs` on each side. All silence gives
 * an empty array.
 */
export function trimSilence(samples: Int16Array, sampleRate: number, thresholdDb: number, marginMs: number): Int16Array {
  const threshold = 32768 * 10 ** (thresholdDb / 20);
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]!) < threshold) first++;
  if (first === samples.length) return samples.subarray(0, 0);
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]!) < threshold) last--;
  const margin = Math.round((marginMs * sampleRate) / 1000);
  return samples.subarray(Math.max(0, first - margin), Math.min(samples.length, last + 1 + margin));
}
