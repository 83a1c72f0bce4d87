import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

/** Something a renderer needs on this machine, and the Debian package that provides it. */
export interface Requirement {
  /** What it is, for people: `the open_jtalk program`. */
  what: string;
  /** A program looked up on PATH, or an absolute path to a file or folder. */
  command?: string;
  path?: string;
  debianPackage: string;
  /** Debian's archive area when not `main` (the HTS voice is in `contrib`). */
  component?: 'contrib' | 'non-free';
}

export const FFMPEG_REQUIREMENTS: readonly Requirement[] = [
  { what: 'the ffmpeg program', command: 'ffmpeg', debianPackage: 'ffmpeg' },
  { what: 'the ffprobe program', command: 'ffprobe', debianPackage: 'ffmpeg' },
];

/** The requirements that are not met here. */
export function missingRequirements(requirements: readonly Requirement[], searchPath = process.env.PATH ?? ''): Requirement[] {
  return requirements.filter((requirement) =>
    requirement.command ? !onPath(requirement.command, searchPath) : !existsSync(requirement.path ?? ''),
  );
}

function onPath(command: string, searchPath: string): boolean {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(path.join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** 「what is missing, and the command that installs it」, one line each, ready to print. */
export function describeMissing(missing: readonly Requirement[]): string[] {
  const lines = missing.map(
    (requirement) =>
      `  missing ${requirement.what}${requirement.path ? ` (${requirement.path})` : ''}: Debian package ${requirement.debianPackage}` +
      (requirement.component ? ` (in Debian's ${requirement.component} component)` : ''),
  );
  const packages = [...new Set(missing.map((requirement) => requirement.debianPackage))];
  if (packages.length > 0) lines.push(`  install with: sudo apt-get install ${packages.join(' ')}`);
  if (missing.some((requirement) => requirement.component)) {
    lines.push(`  (enable the ${[...new Set(missing.flatMap((r) => r.component ?? []))].join(' and ')} component in /etc/apt/sources.list first)`);
  }
  return lines;
}
