// Local editors' API tokens: 32 random bytes, shown once, stored only as their SHA-256. A
// high-entropy token needs no slow password hash: guessing one is hopeless, and a leaked
// table gives no usable token.
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'mne_';
const SHAPE = /^mne_[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The prefix lets secret scanners and the authenticator tell our tokens from JWTs. */
export function isToken(value: string): boolean {
  return SHAPE.test(value);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
