export interface PresetOption {
  id: string;
  label: string;
  /** One sentence on what the preset sets, shown under the button and linked to it. */
  description?: string;
}

interface Props {
  /** Prefix of element ids. */
  id: string;
  /** Name of the group, for screen readers ("Examples from the lesson"). */
  label: string;
  presets: readonly PresetOption[];
  active: string | null;
  onSelect(id: string): void;
}

/** Real buttons that fill the calculator with an example; the active one is aria-pressed. */
export default function PresetButtons({ id, label, presets, active, onSelect }: Props) {
  const detailed = presets.some((preset) => preset.description);
  return (
    <div role="group" aria-label={label} class={detailed ? 'calculator__presets calculator__presets--detailed' : 'calculator__presets'}>
      {presets.map((preset) => (
        <div class="preset" key={preset.id}>
          <button
            type="button"
            class="button button--quiet preset__button"
            aria-pressed={active === preset.id ? 'true' : 'false'}
            aria-describedby={preset.description ? `${id}-preset-${preset.id}` : undefined}
            onClick={() => onSelect(preset.id)}
          >
            {preset.label}
          </button>
          {preset.description && (
            <p id={`${id}-preset-${preset.id}`} class="preset__description">
              {preset.description}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
