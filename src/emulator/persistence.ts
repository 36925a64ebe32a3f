// `--state FILE`: the state is loaded at start when the file exists and rewritten after every change.
// Writes go to a temporary file in the same directory and are renamed over the target, so a crash mid-write
// leaves either the old or the new state, never half of one.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { STATE_FORMAT, type EmulatorState } from './state';

export class StateFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`Cannot use the state file ${file}: ${message}`);
    this.name = 'StateFileError';
  }
}

export function loadState(file: string): EmulatorState | undefined {
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new StateFileError(file, `not valid JSON (${(e as Error).message})`);
  }
  const s = data as Partial<EmulatorState> | null;
  if (!s || typeof s !== 'object' || s.format !== STATE_FORMAT || !Array.isArray(s.instances) || !Array.isArray(s.services)) {
    throw new StateFileError(file, `not a state file of this emulator (format ${STATE_FORMAT})`);
  }
  return s as EmulatorState;
}

let counter = 0;

export function saveState(file: string, state: EmulatorState): void {
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${++counter}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}
