import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../../src/lib/scorm/exportArgs.ts';

describe('parseExportArgs', () => {
  it.each([
    [['ltv-selling'], { module: 'ltv-selling', lang: 'ja', format: 'scorm12', out: 'ltv-selling-ja-scorm12.zip' }],
    [['clv-practice', '--lang', 'en', '--format', 'cmi5', '--out', 'out/p.zip'], { module: 'clv-practice', lang: 'en', format: 'cmi5', out: 'out/p.zip' }],
    [['--lang=en', 'ltv-selling'], { module: 'ltv-selling', lang: 'en', format: 'scorm12', out: 'ltv-selling-en-scorm12.zip' }],
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
  ])('%j → error %s', (argv, error) => {
    expect(parseExportArgs(argv)).toEqual({ error: expect.stringContaining(error) });
  });
});
