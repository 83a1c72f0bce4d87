import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * ./npmw, the committed npm wrapper that makes the README's commands work on a machine whose Node
 * is too old. These tests stand in fake `node` and `npm` programs, so they run offline and fast;
 * CI runs the real download once with Node 18 first on PATH (.ci/run, "First run on an old Node").
 */
const root = path.resolve(import.meta.dirname, '../../..');
const wrapper = path.join(root, 'npmw');
const scratch: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'npmw-'));
  scratch.push(dir);
  return dir;
}

function script(file: string, body: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

/** A directory with a `node` that reports `version` and refuses to run code when it is old. */
function fakeNode(version: string): string {
  const bin = tempDir();
  const major = Number(version.split('.')[0]);
  script(path.join(bin, 'node'), major >= 22 ? `exec "${process.execPath}" "$@"` : `[ "$1" = --version ] && echo v${version} && exit 0; exit 1`);
  return bin;
}

/** An `npm` that prints which node it would run with, and its arguments. */
function fakeNpm(dir: string, label: string): void {
  script(path.join(dir, 'npm'), `echo "${label} node=$(command -v node) args=$*"`);
}

/** The few programs the wrapper uses, without the machine's own node and npm. */
function basicTools(): string {
  const bin = tempDir();
  for (const tool of ['tr', 'dirname', 'uname', 'mkdir', 'mktemp', 'rm', 'mv', 'ln']) symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
  return bin;
}

function run(args: string[], pathDirs: string[], cache: string) {
  return spawnSync('/bin/sh', [wrapper, ...args], {
    encoding: 'utf8',
    env: { PATH: [...pathDirs, basicTools()].join(':'), HOME: tempDir(), LTV_NODE_HOME: cache },
  });
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npmw', () => {
  it('requires the same minimum Node as package.json and pins the major version of .nvmrc', () => {
    const text = readFileSync(wrapper, 'utf8');
    const minimum = /^MIN_NODE=([\d.]+)/m.exec(text)?.[1];
    const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node as string;
    expect(engines).toBe(`>=${minimum}.0`);
    expect(Number(readFileSync(path.join(root, '.nvmrc'), 'utf8').trim())).toBeGreaterThanOrEqual(Number(minimum?.split('.')[0]));
  });

  it('runs the npm on PATH unchanged when the Node on PATH is recent enough', () => {
    const bin = fakeNode(process.versions.node);
    fakeNpm(bin, 'system');
    const result = run(['test', '--', '-x'], [bin], path.join(tempDir(), 'cache'));
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(`system node=${bin}/node args=test -- -x`);
  });

  it('puts the cached pinned Node and its npm first on PATH when the Node on PATH is old', () => {
    const old = fakeNode('20.20.2');
    fakeNpm(old, 'old');
    const cache = tempDir();
    mkdirSync(path.join(cache, 'node_modules/.bin'), { recursive: true });
    symlinkSync(fakeNode(process.versions.node), path.join(cache, 'node-bin'));
    fakeNpm(path.join(cache, 'node_modules/.bin'), 'cached');
    const result = run(['start'], [old], cache);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(`cached node=${cache}/node-bin/node args=start`);
  });

  it('says what to install when there is neither a recent Node nor an npm to fetch one with', () => {
    const result = run(['install'], [fakeNode('18.19.0')], path.join(tempDir(), 'cache'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no Node 22\.12\+ and no npm on PATH: install Node 24/);
  });
});
