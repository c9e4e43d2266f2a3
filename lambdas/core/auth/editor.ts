// Who may act in the editor routes. One authorisation layer whatever proved the identity: a
// local API token or, in AWS, a Cognito access token both become an Editor with a role.

export type Role = 'editor' | 'admin';

export const ROLES: readonly Role[] = ['editor', 'admin'];

export interface Editor {
  editorId: string;
  name: string;
  role: Role;
}

/** Turns a bearer token into the editor it belongs to; undefined when it proves nothing. */
export interface Authenticator {
  authenticate(token: string): Promise<Editor | undefined>;
}

/** Editors curate stories and organisations; admins also manage sources and editors. */
export type Permission = 'curate' | 'manage-sources' | 'manage-editors';

const GRANTS: Record<Role, readonly Permission[]> = {
  editor: ['curate'],
  admin: ['curate', 'manage-sources', 'manage-editors'],
};

export function permits(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** An identity was proved but may not do this. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  constructor(readonly editor: Editor, readonly permission: Permission) {
    super(`an ${editor.role} may not ${permission.replace('-', ' ')}`);
  }
}

export function requirePermission(editor: Editor, permission: Permission): void {
  if (!permits(editor.role, permission)) throw new ForbiddenError(editor, permission);
}

/** The identity provider could not be asked (keys unreachable): not the caller's fault. */
export class AuthUnavailableError extends Error {
  override readonly name = 'AuthUnavailableError';
}

/** Tries each authenticator in turn: the first that recognises the token wins. */
export function firstOf(...authenticators: Authenticator[]): Authenticator {
  return {
    async authenticate(token) {
      for (const a of authenticators) {
        const editor = await a.authenticate(token);
        if (editor) return editor;
      }
      return undefined;
    },
  };
}
