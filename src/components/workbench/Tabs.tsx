import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface Tab {
  id: string;
  label: string;
}

interface Props {
  label: string;
  tabs: Tab[];
  selected: string;
  onSelect: (id: string) => void;
  children: ComponentChildren;
}

/**
 * Tabs as the ARIA authoring practices describe them: a tablist of buttons with aria-selected,
 * one tab stop (roving tabindex), arrow keys, Home and End move and select; the panel is
 * labelled by its tab. Only the selected panel is rendered.
 */
export default function Tabs({ label, tabs, selected, onSelect, children }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const move = (index: number) => {
    const next = tabs[(index + tabs.length) % tabs.length]!;
    onSelect(next.id);
    list.current?.querySelector<HTMLButtonElement>(`#workbench-tab-${next.id}`)?.focus();
  };
  const current = tabs.findIndex((tab) => tab.id === selected);
  return (
    <div class="workbench-tabs">
      <div
        class="workbench-tabs__list"
        role="tablist"
        aria-label={label}
        ref={list}
        onKeyDown={(event) => {
          const keys: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
          const target = keys[event.key];
          if (target === undefined) return;
          event.preventDefault();
          move(target);
        }}
      >
        {tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            id={`workbench-tab-${tab.id}`}
            key={tab.id}
            aria-selected={tab.id === selected}
            aria-controls={`workbench-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            class="workbench-tabs__tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`workbench-panel-${selected}`} aria-labelledby={`workbench-tab-${selected}`} tabIndex={0} class="workbench-tabs__panel">
        {children}
      </div>
    </div>
  );
}
