import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import PackageDownload from '../../../src/components/trainer/PackageDownload.tsx';

const modules = [
  { id: 'ltv-selling', title: 'LTV思考の営業' },
  { id: 'clv-practice', title: 'CLVの計算と活用' },
];

describe('PackageDownload', () => {
  it('links every module in both formats and languages to the package endpoint, as downloads', () => {
    render(<PackageDownload locale="ja" modules={modules} />);
    const links = screen.getAllByRole('link') as HTMLAnchorElement[];
    expect(links).toHaveLength(8);
    expect(links.map((link) => link.getAttribute('href'))).toContain('/api/trainer/modules/ltv-selling/package?format=scorm12&lang=ja');
    expect(links.map((link) => link.getAttribute('href'))).toContain('/api/trainer/modules/clv-practice/package?format=cmi5&lang=en');
    for (const link of links) expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('heading', { name: 'LMS用パッケージ' })).toBeTruthy();
    expect(screen.getByText('LTV思考の営業')).toBeTruthy();
  });

  it('says in English that the answers ship inside the package', () => {
    render(<PackageDownload locale="en" modules={modules.slice(0, 1)} />);
    expect(screen.getByText(/answers ship inside the package/)).toBeTruthy();
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual(['SCORM 1.2 · Japanese', 'SCORM 1.2 · English', 'cmi5 · Japanese', 'cmi5 · English']);
  });
});
