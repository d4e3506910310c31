/**
 * What a Node script prints when it fails: the error's message and, where the cause is known, the fix.
 * Stack traces only with LAYERLENS_DEBUG=1: a person running `npm run build` needs the cause, not the code.
 */
import { errors } from '../engine/index.ts';
import { fetchHint } from './paths.ts';

/** The fix for an error whose cause the project knows, or null. */
export function fixFor(error: unknown): string | null {
  if (error instanceof errors.MissingWeightsError) return `fetch the model: ${fetchHint(error.modelId)}`;
  if (error instanceof errors.CorruptWeightsError) {
    return `fetch it again (files whose size or SHA-256 is wrong are replaced): ${fetchHint(error.modelId)}`;
  }
  return null;
}

/** The lines to print for an error: its message, the fix where known, the stack when debugging. */
export function describeFailure(error: unknown, debug = process.env.LAYERLENS_DEBUG === '1'): string {
  const message = error instanceof Error ? error.message : String(error);
  const fix = fixFor(error);
  const lines = [`Error: ${message}`];
  if (fix) lines.push(`Fix: ${fix}`);
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  else if (!fix) lines.push('(LAYERLENS_DEBUG=1 prints the stack trace.)');
  return `${lines.join('\n')}\n`;
}
