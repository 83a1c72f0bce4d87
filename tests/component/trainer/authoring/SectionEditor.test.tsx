import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SaveStatus from '../../../../src/components/trainer/authoring/SaveStatus.tsx';
import SectionEditor from '../../../../src/components/trainer/authoring/SectionEditor.tsx';
import { autosave, startAutosave } from '../../../../src/components/trainer/authoring/editorStore.ts';

const MODULE = '11111111-1111-4111-8111-111111111111';
const sectionA = { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', heading: 'Pricing', markdown: 'From 5,000 yen a month.', spoken: null };
const sectionB = { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', heading: 'Setup', markdown: 'Three steps.', spoken: null };

/** The server: section A was saved in another tab (409), section B saves. */
function stubServer() {
  const sent: { url: string; body: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      sent.push({ url, body });
      const conflict = url.endsWith(sectionA.id);
      return new Response(JSON.stringify(conflict ? { error: 'edited-elsewhere', revision: 2 } : { revision: 2, draftRevision: 7, value: null }), {
        status: conflict ? 409 : 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('SectionEditor autosave conflicts', () => {
  it('shows a conflict on the section saved elsewhere, keeps its text, and still saves the other section', async () => {
    const sent = stubServer();
    startAutosave(MODULE, { draft: 5, [`section:${sectionA.id}`]: 1, [`section:${sectionB.id}`]: 1 });
    render(
      <div>
        <SaveStatus locale="en" />
        <SectionEditor locale="en" section={sectionA} number={1} />
        <SectionEditor locale="en" section={sectionB} number={2} />
      </div>,
    );
    const [textA, textB] = screen.getAllByLabelText('Text (Markdown)') as HTMLTextAreaElement[];
    fireEvent.input(textA!, { target: { value: 'From 4,800 yen a month.' } });
    fireEvent.input(textB!, { target: { value: 'Two steps.' } });
    await autosave().flush();

    expect(sent.map(({ url, body }) => [url.split('/').at(-1), body.revision])).toEqual([
      [sectionA.id, 1],
      [sectionB.id, 1],
    ]);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This part was saved elsewhere'));
    expect(screen.getByRole('alert').closest('fieldset')?.dataset.section).toBe(sectionA.id);
    expect(textA!.value).toBe('From 4,800 yen a month.');
    const status = screen.getByTestId('save-status');
    expect(status.dataset.state).toBe('conflict');
    expect(status.textContent).toContain('copy it, then reload');

    // Typing on in the conflicted section sends nothing more; the other keeps saving.
    fireEvent.input(textA!, { target: { value: 'From 4,500 yen a month.' } });
    fireEvent.input(textB!, { target: { value: 'One step.' } });
    await autosave().flush();
    expect(sent.slice(2).map(({ url, body }) => [url.split('/').at(-1), body.revision, body.markdown])).toEqual([[sectionB.id, 2, 'One step.']]);
  });
});
