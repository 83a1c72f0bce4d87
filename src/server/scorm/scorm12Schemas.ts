/**
 * The SCORM 1.2 control documents: the XSDs that imsmanifest.xml's xsi:schemaLocation names (and
 * ims_xml.xsd, which two of them import). ADL's conformance checks and some LMS importers resolve
 * schemaLocation against the package root, so every SCORM 1.2 zip carries them there, unchanged
 * (see schemas/scorm12/README.md).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const SCORM12_SCHEMA_FILES = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'] as const;

/**
 * Beside this file when run from source (CLI, tests); from the repository root when this file was
 * bundled into dist/server by astro build (the server runs from the root, as runtimeBundle.ts does).
 */
const FOLDER = [path.resolve(import.meta.dirname, 'schemas/scorm12'), path.resolve('src/server/scorm/schemas/scorm12')].find((dir) => existsSync(dir)) ?? path.resolve('src/server/scorm/schemas/scorm12');

export interface SchemaFile {
  name: (typeof SCORM12_SCHEMA_FILES)[number];
  bytes: Uint8Array;
}

let schemas: Promise<SchemaFile[]> | undefined;

/** The four files as bytes (read once per process: they cannot change while the server runs). */
export function scorm12Schemas(): Promise<SchemaFile[]> {
  schemas ??= Promise.all(SCORM12_SCHEMA_FILES.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(FOLDER, name))) }))).catch((error: unknown) => {
    schemas = undefined;
    throw error;
  });
  return schemas;
}
