import { createRequire } from 'node:module';
import type { Hash } from 'node:crypto';

/**
 * A SHA-256 hasher. node:crypto takes ~5 ms to load, a twentieth of a cold
 * start, and only --cache and --previous hash anything: it is loaded on first use.
 */
let crypto: typeof import('node:crypto') | undefined;
export function sha256(): Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256');
}
