/**
 * Presets of a calculator: named sets of field texts. A preset button is "pressed" while every
 * field it sets still holds the preset's text, so editing one field releases it.
 */

export interface Preset<Name extends string> {
  id: string;
  texts: Record<Name, string>;
}

/** The id of the first preset whose texts all equal the current ones, or null. */
export function activePreset<Name extends string>(
  texts: Record<Name, string>,
  presets: readonly { id: string; texts: Partial<Record<Name, string>> }[],
): string | null {
  const found = presets.find((preset) => (Object.keys(preset.texts) as Name[]).every((name) => texts[name] === preset.texts[name]));
  return found ? found.id : null;
}

/** The preset with this id, or the first one (the calculator's default) for an unknown or missing id. */
export function presetById<Name extends string, P extends Preset<Name>>(presets: readonly P[], id: string | undefined): P {
  return presets.find((preset) => preset.id === id) ?? presets[0]!;
}
