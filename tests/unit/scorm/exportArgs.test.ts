import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../../src/lib/scorm/exportArgs.ts';

describe('parseExportArgs', () => {
  it.each([
    [['ltv-selling'], { module: 'ltv-selling', lang: 'ja', format: 'scorm12', out: 'ltv-selling-ja-scorm12.zip' }],
    [['clv-practice', '--lang', 'en', '--format', 'cmi5', '--out', 'out/p.zip'], { module: 'clv-practice', lang: 'en', format: 'cmi5', out: 'out/p.zip' }],
    [['--lang=en', 'ltv-selling'], { module: 'ltv-selling', lang: 'en', format: 'scorm12', out: 'ltv-selling-en-scorm12.zip' }],
    [['--custom', '6e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b'], { custom: '6e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b', format: 'scorm12', out: 'custom-6e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b-scorm12.zip' }],
    [['--custom=6E1D2C3B-4A59-4687-8A9B-0C1D2E3F4A5B', '--format', 'cmi5', '--out', 'x.zip'], { custom: '6e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b', format: 'cmi5', out: 'x.zip' }],
  ])('%j → %j', (argv, expected) => {
    expect(parseExportArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], 'missing the module id'],
    [['a', 'b'], 'one module at a time'],
    [['LTV Selling'], 'module "LTV Selling"'],
    [['ltv-selling', '--lang', 'fr'], '--lang "fr": expected ja or en'],
    [['ltv-selling', '--format', 'scorm2004'], '--format "scorm2004"'],
    [['ltv-selling', '--out', 'p.tar'], '--out "p.tar"'],
    [['ltv-selling', '--lang'], '--lang needs a value'],
    [['ltv-selling', '--lang', '--out', 'x.zip'], '--lang needs a value'],
    [['ltv-selling', '--speed', '2'], 'unknown option --speed'],
    [['ltv-selling', '--lang', 'ja', '--lang', 'en'], '--lang given twice'],
    [['--custom', 'ltv-selling'], 'expected a published version'],
    [['ltv-selling', '--custom', '6e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b'], 'not both'],
    [['--custom', '6e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b', '--lang', 'en'], 'exported in the language it was written in'],
    [['--custom', '6e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b', '--format', 'scorm2004'], '--format "scorm2004"'],
  ])('%j → error %s', (argv, error) => {
    expect(parseExportArgs(argv)).toEqual({ error: expect.stringContaining(error) });
  });
});
