import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import CustomPackageDownload from '../../../src/components/trainer/authoring/CustomPackageDownload.tsx';
import { $publishedVersion } from '../../../src/components/trainer/authoring/publishedVersions.ts';

const ID = '0b7f3c1e-2a4d-4e8f-9a1b-3c5d7e9f1a2b';
const hrefs = () => (screen.queryAllByRole('link') as HTMLAnchorElement[]).map((link) => link.getAttribute('href'));

afterEach(() => $publishedVersion.set(0));

describe('CustomPackageDownload', () => {
  it('offers nothing to download before the first version, and says to publish', () => {
    render(<CustomPackageDownload locale="ja" moduleId={ID} versions={0} />);
    expect(screen.getByRole('heading', { name: 'LMS用パッケージ' })).toBeTruthy();
    expect(screen.getByText('公開すると、ここからダウンロードできます。')).toBeTruthy();
    expect(hrefs()).toEqual([]);
  });

  it('links the latest version in both formats as downloads, and another version once chosen', () => {
    render(<CustomPackageDownload locale="ja" moduleId={ID} versions={3} />);
    expect(hrefs()).toEqual([`/api/trainer/modules/${ID}/package?format=scorm12&version=3`, `/api/trainer/modules/${ID}/package?format=cmi5&version=3`]);
    for (const link of screen.getAllByRole('link')) expect(link.hasAttribute('download')).toBe(true);
    const select = screen.getByLabelText('版') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['第3版（最新）', '第2版', '第1版']);
    fireEvent.change(select, { target: { value: '1' } });
    expect(screen.getByRole('link', { name: 'SCORM 1.2をダウンロード（第1版）' }).getAttribute('href')).toBe(`/api/trainer/modules/${ID}/package?format=scorm12&version=1`);
  });

  it('picks up a version published on the page, in English', async () => {
    render(<CustomPackageDownload locale="en" moduleId={ID} versions={0} />);
    expect(screen.getByText('Publish the module to download it here.')).toBeTruthy();
    act(() => $publishedVersion.set(1));
    expect((await screen.findAllByRole('link')).map((link) => link.textContent)).toEqual(['Download SCORM 1.2 (version 1)', 'Download cmi5 (version 1)']);
    // One version: no choice to make, so no select.
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
