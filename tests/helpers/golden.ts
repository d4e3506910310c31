/**
 * Golden files, as Observable Framework's tests keep them: the expected value is committed JSON beside the
 * test. A mismatch writes `<name>-changed.json` beside it (to diff, and to copy over when the change is
 * right) and fails. A missing golden fails too; `npm run test:golden` (LAYERLENS_UPDATE_GOLDEN=1) writes it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';

export async function expectGolden(folder: string, name: string, value: unknown): Promise<void> {
  const file = path.join(folder, `${name}.json`);
  const changed = path.join(folder, `${name}-changed.json`);
  const actual = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.LAYERLENS_UPDATE_GOLDEN === '1' && !process.env.CI) {
    await mkdir(folder, { recursive: true });
    await writeFile(file, actual);
    await rm(changed, { force: true });
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `Golden file ${file} is missing: run \`npm run test:golden\` to write it, review it, and commit it.`,
    );
  }
  const expected = await readFile(file, 'utf8');
  if (actual === expected) {
    await rm(changed, { force: true });
    return;
  }
  await writeFile(changed, actual);
  expect(actual, `${file} differs: see ${changed} (copy it over the golden if the change is right)`).toBe(expected);
}
