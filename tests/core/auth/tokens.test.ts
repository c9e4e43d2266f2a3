import { describe, expect, it } from 'vitest';
import { firstOf, permits, requirePermission, ForbiddenError, type Authenticator, type Editor } from '../../../lambdas/core/auth/editor.ts';
import { createTokenAuthenticator } from '../../../lambdas/core/auth/token-authenticator.ts';
import { hashToken, isToken, newToken } from '../../../lambdas/core/auth/tokens.ts';

const ada: Editor = { editorId: 'ada', name: 'Ada', role: 'editor' };

describe('editor tokens', () => {
  it('are 32 random bytes behind a prefix, different every time, hashed with SHA-256', () => {
    const a = newToken();
    const b = newToken();
    expect(a).toMatch(/^mne_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(isToken(a)).toBe(true);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toBe(hashToken(b));
  });

  it.each(['', 'mne_short', 'eyJhbGciOiJSUzI1NiJ9.e30.sig', `xyz_${'a'.repeat(43)}`])('refuses %j without asking the store', async (token) => {
    let asked = false;
    const auth = createTokenAuthenticator(async () => ((asked = true), ada));
    expect(await auth.authenticate(token)).toBeUndefined();
    expect(asked).toBe(false);
  });

  it('looks a well-formed token up by its hash, never by the token itself', async () => {
    const token = newToken();
    const seen: string[] = [];
    const auth = createTokenAuthenticator(async (hash) => (seen.push(hash), hash === hashToken(token) ? ada : undefined));
    expect(await auth.authenticate(token)).toEqual(ada);
    expect(await auth.authenticate(newToken())).toBeUndefined();
    expect(seen).not.toContain(token);
  });
});

describe('roles', () => {
  it.each([
    ['editor', 'curate', true],
    ['editor', 'manage-sources', false],
    ['editor', 'manage-editors', false],
    ['admin', 'curate', true],
    ['admin', 'manage-sources', true],
    ['admin', 'manage-editors', true],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(permits(role, permission)).toBe(allowed);
    const check = () => requirePermission({ ...ada, role }, permission);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(ForbiddenError);
  });

  it('tries authenticators in turn', async () => {
    const none: Authenticator = { authenticate: async () => undefined };
    const admin: Authenticator = { authenticate: async (t) => (t === 'x' ? { ...ada, role: 'admin' } : undefined) };
    expect(await firstOf(none, admin).authenticate('x')).toMatchObject({ role: 'admin' });
    expect(await firstOf(none, admin).authenticate('y')).toBeUndefined();
  });
});
