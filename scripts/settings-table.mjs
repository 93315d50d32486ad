// The engine's settings table, read from the native build (scripts/print-settings.cpp).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PROGRAM = fileURLToPath(new URL('../build/native/nncore_settings', import.meta.url));

export function settingsTable() {
  if (!existsSync(PROGRAM)) throw new Error(`${PROGRAM} is missing: run npm run build:native first`);
  return JSON.parse(execFileSync(PROGRAM, { encoding: 'utf8' }));
}
