import { isLocale, type Locale } from '../i18n/locales.ts';
import { PACKAGE_FORMATS, type PackageFormat } from './packageModel.ts';

export const EXPORT_USAGE =
  'usage: npm run export:scorm -- <module> [--lang ja|en] [--format scorm12|cmi5] [--out file.zip]\n' +
  '       npm run export:scorm -- --custom <published version id> [--format scorm12|cmi5] [--out file.zip]';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BuiltInExportArgs {
  module: string;
  lang: Locale;
  format: PackageFormat;
  /** Where to write the zip; default `<module>-<lang>-<format>.zip` in the current folder. */
  out: string;
}

/** A published version of a trainer's module, read from the app's database; its language is its own. */
export interface CustomExportArgs {
  custom: string;
  format: PackageFormat;
  out: string;
}

export type ExportArgs = BuiltInExportArgs | CustomExportArgs;

/** `--format` and `--out` (default `<stem>-<format>.zip`), checked the same way for both kinds. */
function formatAndOut(flags: ReadonlyMap<string, string>, stem: string): { format: PackageFormat; out: string } | { error: string } {
  const format = flags.get('format') ?? 'scorm12';
  if (!(PACKAGE_FORMATS as readonly string[]).includes(format)) return { error: `--format "${format}": expected scorm12 or cmi5` };
  const out = flags.get('out') ?? `${stem}-${format}.zip`;
  if (!out.endsWith('.zip')) return { error: `--out "${out}": the file name must end in .zip` };
  return { format: format as PackageFormat, out };
}

function customArgs(positional: readonly string[], flags: ReadonlyMap<string, string>): CustomExportArgs | { error: string } {
  const versionId = flags.get('custom')!;
  if (positional.length) return { error: `a module id or --custom <version id>, not both (got ${positional.join(', ')})` };
  if (flags.has('lang')) return { error: '--lang: a custom module is exported in the language it was written in' };
  if (!UUID.test(versionId)) return { error: `--custom "${versionId}": expected a published version's id (a UUID)` };
  const custom = versionId.toLowerCase();
  const rest = formatAndOut(flags, `custom-${custom}`);
  return 'error' in rest ? rest : { custom, ...rest };
}

/** The CLI's arguments, or an error saying which argument is wrong and why. */
export function parseExportArgs(argv: readonly string[]): ExportArgs | { error: string } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!['lang', 'format', 'out', 'custom'].includes(name)) return { error: `unknown option --${name}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) return { error: `--${name} needs a value` };
    if (flags.has(name)) return { error: `--${name} given twice` };
    flags.set(name, value);
  }
  if (flags.has('custom')) return customArgs(positional, flags);
  if (positional.length === 0) return { error: 'missing the module id (for example ltv-selling)' };
  if (positional.length > 1) return { error: `one module at a time (got ${positional.join(', ')})` };
  const module = positional[0]!;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(module)) return { error: `module "${module}": a module id is lowercase letters, digits and hyphens` };
  const lang = flags.get('lang') ?? 'ja';
  if (!isLocale(lang)) return { error: `--lang "${lang}": expected ja or en` };
  const rest = formatAndOut(flags, `${module}-${lang}`);
  return 'error' in rest ? rest : { module, lang, ...rest };
}
