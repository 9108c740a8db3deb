// A virtual environment with the real `anthropic` Python SDK, for executing the Python twins of the recipes.
// Created once under the repository's gitignored tmp/ (so a fresh clone builds its own); pip installs from
// the machine's configured package index. Needs python3 with the venv module (Debian: python3-venv;
// .ci/run installs it when missing).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
const venvDir = join(repoRoot, 'tmp', 'py-venv');
export const venvPython = join(venvDir, 'bin', 'python');

function works(): boolean {
  try {
    execFileSync(venvPython, ['-c', 'import anthropic'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The venv's python, creating the venv and installing `anthropic` first if needed. */
export function ensurePythonVenv(): string {
  if (existsSync(venvPython) && works()) return venvPython;
  mkdirSync(join(repoRoot, 'tmp'), { recursive: true });
  try {
    execFileSync('python3', ['-m', 'venv', '--clear', venvDir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`python3 -m venv failed (on Debian: apt-get install python3-venv): ${String(error)}`);
  }
  execFileSync(venvPython, ['-m', 'pip', 'install', '--quiet', '--retries', '1', 'anthropic>=1,<2'], { stdio: 'pipe', timeout: 240_000 });
  if (!works()) throw new Error('the venv has no importable anthropic package after pip install');
  return venvPython;
}
