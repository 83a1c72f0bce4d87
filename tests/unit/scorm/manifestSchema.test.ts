/**
 * imsmanifest.xml against the SCORM 1.2 XSDs (IMS CP 1.1.2 + ADL CP), validated by libxml2's
 * xmllint (xmllint-wasm) with the schemas the zip itself ships, as an LMS or ADL's checker would.
 * Every built-in module in both languages and a custom module; then broken manifests, to show the
 * validator rejects what the schema forbids. cmi5.xml is not validated here: the project has no
 * vendored copy of cmi5's CourseStructure.xsd (no npm package ships it).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/lib/i18n/locales.ts';
import type { PackageModel } from '../../../src/lib/scorm/packageModel.ts';
import { scorm12Manifest } from '../../../src/lib/scorm/scorm12Manifest.ts';
import { buildPackage } from '../../../src/server/scorm/buildPackage.ts';
import { customVersionSource } from '../../../src/server/scorm/customModuleSource.ts';
import { builtInModuleSource } from '../../../src/server/scorm/moduleSource.ts';
import { runtimeBundle } from '../../../src/server/scorm/runtimeBundle.ts';
import { SCORM12_SCHEMA_FILES, scorm12Schemas, type SchemaFile } from '../../../src/server/scorm/scorm12Schemas.ts';
import { repoRoot } from '../quiz/helpers.ts';
import { snapshot } from './customSnapshot.ts';
import { unzip } from './unzip.ts';
import { documentErrors, validateBySchemaLocation, type XsdFile } from './validateXsd.ts';

const contentDir = path.join(repoRoot, 'src/content');
const builtInModules = readdirSync(path.join(contentDir, 'modules'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));
let vendored: SchemaFile[];

beforeAll(async () => {
  // The first esbuild run takes seconds on a busy machine; the builds below then reuse its bundle.
  await runtimeBundle();
  vendored = await scorm12Schemas();
}, 60_000);

/** The manifest of a built SCORM 1.2 zip and the XSDs found beside it, checked to be the vendored ones. */
async function manifestAndSchemas(zip: Uint8Array): Promise<{ manifest: string; schemas: XsdFile[] }> {
  const files = await unzip(zip);
  const schemas = await Promise.all(SCORM12_SCHEMA_FILES.map(async (name) => ({ name, bytes: await files.bytes(name) })));
  for (const schema of schemas) expect(schema.bytes, schema.name).toEqual(vendored.find((file) => file.name === schema.name)!.bytes);
  return { manifest: await files.text('imsmanifest.xml'), schemas };
}

async function expectValid(manifest: string, schemas: readonly XsdFile[]) {
  const result = await validateBySchemaLocation(manifest, schemas);
  expect(result.errors.map((error) => error.rawMessage)).toEqual([]);
  expect(result.valid).toBe(true);
}

describe('the SCORM 1.2 manifests the app builds are valid against the schemas they ship', () => {
  it('finds the built-in modules to check', () => {
    expect(builtInModules).toEqual(expect.arrayContaining(['ltv-selling', 'clv-practice']));
  });

  it.each(builtInModules.flatMap((moduleId) => LOCALES.map((locale) => [moduleId, locale] as const)))('built-in module %s (%s)', async (moduleId, locale) => {
    const source = await builtInModuleSource(contentDir)(moduleId, locale);
    expect(source, `${moduleId} ${locale}`).not.toBeNull();
    const { manifest, schemas } = await manifestAndSchemas((await buildPackage(source!, { format: 'scorm12' })).zip);
    await expectValid(manifest, schemas);
  });

  it('a custom module, with recorded audio for one lesson', async () => {
    const audio = async (_locale: string, lessonId: string) => (lessonId.endsWith('-2') ? { packagePath: `audio/ja/${lessonId}.f00d.mp3`, bytes: Uint8Array.from([0xff, 0xfb]) } : null);
    const { manifest, schemas } = await manifestAndSchemas((await buildPackage(customVersionSource(snapshot), { format: 'scorm12', audio })).zip);
    expect(manifest).toContain('.f00d.mp3');
    await expectValid(manifest, schemas);
  });
});

const model: PackageModel = {
  moduleId: 'ltv-selling',
  locale: 'ja',
  title: 'LTV思考の営業 & "見込み" <入門>',
  description: '売って終わりから、選ばれ続ける営業へ。',
  lessons: [{ id: 'what-is-ltv', title: 'LTVとは何か' }],
  passMark: 0.8,
  launch: 'index.html',
  files: ['index.html', 'runtime.js', 'style.css'],
  version: '2026-12-04',
};

describe("the model's limits are the schema's", () => {
  it('a 200-character title and a 20-character version validate', async () => {
    await expectValid(scorm12Manifest({ ...model, title: 'LTV&<'.repeat(40), version: '2026-12-04.123456789' }), vendored);
  });

  it.each([
    ['a 201-character title', { title: 'x'.repeat(201) }, 'title'],
    ['a 21-character version', { version: 'v'.repeat(21) }, 'version'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    expect(() => scorm12Manifest({ ...model, ...change })).toThrow(field);
  });
});

describe('the validator rejects what the schemas forbid', () => {
  const valid = scorm12Manifest(model);
  const TITLE_THEN_SCORE = /(\s*<title>[^<]*<\/title>)(\s*<adlcp:masteryscore>\d+<\/adlcp:masteryscore>)/;

  it('starts from a manifest that validates', async () => {
    expect(valid).toMatch(TITLE_THEN_SCORE);
    await expectValid(valid, vendored);
  });

  it.each([
    ['masteryscore placed before the item title', valid.replace(TITLE_THEN_SCORE, '$2$1'), /imscp_rootv1p1p2}title': This element is not expected/],
    ['a resource without identifier', valid.replace(/(<resource) identifier="[^"]+"/, '$1'), /attribute 'identifier' is required but missing/],
    ['a scormtype that is neither sco nor asset', valid.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"'), /scormtype.*enumeration/],
    ['an identifier that is not an XML name', valid.replace(/<item identifier="[^"]+"/, '<item identifier="1 item"'), /identifier.*'xs:ID'/],
    ['a 201-character organization title', valid.replace(/<title>[^<]*<\/title>/, `<title>${'x'.repeat(201)}</title>`), /maxLength/],
  ])('%s', async (_case, broken, expected) => {
    expect(broken).not.toBe(valid);
    const result = await validateBySchemaLocation(broken, vendored);
    expect(result.valid).toBe(false);
    const errors = documentErrors(result);
    // One error, the one the change makes: the valid start above has none.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });

  it('a schemaLocation naming a file the package does not hold', async () => {
    const others = vendored.filter((file) => file.name !== 'adlcp_rootv1p2.xsd');
    await expect(validateBySchemaLocation(valid, others)).rejects.toThrow('adlcp_rootv1p2.xsd');
  });
});
