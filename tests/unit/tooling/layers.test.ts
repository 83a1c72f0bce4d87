/**
 * The layers of conventions.md: src/lib is pure and src/server serves; neither imports from the
 * components (UI islands and views), so a type the server needs lives in src/lib or the server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) => path.join(dir, file));

/** Module specifiers of import/export ... from '...' and import('...'). */
const specifiers = (text: string) => [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]!);

describe.each(['src/lib', 'src/server'])('%s', (dir) => {
  it('imports nothing from src/components', () => {
    const offending = sources(dir).flatMap((file) =>
      specifiers(readFileSync(path.join(root, file), 'utf8'))
        .filter((spec) => spec.startsWith('.') && path.resolve(root, path.dirname(file), spec).startsWith(path.join(root, 'src/components') + path.sep))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
