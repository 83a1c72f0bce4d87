import { describe, expect, it } from 'vitest';
import { activePreset, presetById } from '../../../src/lib/calculators/presets.ts';

const PRESETS = [
  { id: 'a', texts: { x: '1', y: '2' } },
  { id: 'b', texts: { x: '3', y: '4' } },
];

describe('activePreset', () => {
  it('names the preset whose texts all match', () => {
    expect(activePreset({ x: '3', y: '4' }, PRESETS)).toBe('b');
  });
  it('releases the preset when one field changes', () => {
    expect(activePreset({ x: '3', y: '4.0' }, PRESETS)).toBeNull();
  });
  it('ignores fields the preset does not set', () => {
    expect(activePreset({ x: '1', y: '2', z: 'anything' }, PRESETS)).toBe('a');
  });
});

describe('presetById', () => {
  it('finds a preset by id and falls back to the first', () => {
    expect(presetById(PRESETS, 'b').id).toBe('b');
    expect(presetById(PRESETS, 'nope').id).toBe('a');
    expect(presetById(PRESETS, undefined).id).toBe('a');
  });
});
