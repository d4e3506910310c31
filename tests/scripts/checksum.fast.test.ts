/** A download is checked against the registry: its size, its SHA-256, and the upstream git blob id where recorded. */
import { describe, expect, it } from 'vitest';
import { checksumProblem, gitBlobId, sha256 } from '../../scripts/lib/fetch-pack.ts';
import type { RegistryFile } from '../../src/registry/schema.ts';

const bytes = new TextEncoder().encode('hello\n');
const file = (fields: Partial<RegistryFile>): RegistryFile => ({
  path: 'x',
  url: 'https://example.test/x',
  bytes: 6,
  sha256: null,
  ...fields,
});

describe('download checks', () => {
  it('names a blob as git does (git hash-object of "hello\\n")', () => {
    expect(gitBlobId(bytes)).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('accepts a file whose only checksum is its git blob id, and refuses one byte changed', () => {
    const byBlob = file({ gitBlob: 'ce013625030ba8dba906f756967f9e9ca394464a' });
    expect(checksumProblem(byBlob, bytes)).toBeNull();
    const tampered = new TextEncoder().encode('hellO\n');
    expect(checksumProblem(byBlob, tampered)).toMatch(/^git blob id [0-9a-f]{40}, expected ce0136/);
  });

  it('checks the size first, then the SHA-256', () => {
    expect(checksumProblem(file({ sha256: sha256(bytes) }), bytes)).toBeNull();
    expect(checksumProblem(file({ bytes: 7 }), bytes)).toBe('size 6 bytes, expected 7');
    expect(checksumProblem(file({ sha256: '0'.repeat(64) }), bytes)).toMatch(/^SHA-256 [0-9a-f]{64}, expected 0000/);
  });
});
