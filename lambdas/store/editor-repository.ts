// Local editors and their API tokens. The token itself is returned once, when made; the table
// keeps its SHA-256 only, on a token item that points at the editor.
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Editor, Role } from '../core/auth/editor.ts';
import { hashToken, newToken } from '../core/auth/tokens.ts';
import { slugify } from '../core/slug.ts';
import { isConditionFailure } from './condition-failure.ts';
import { keys } from './keys.ts';

export interface EditorAccount extends Editor {
  createdAt: string;
}

interface EditorItem extends EditorAccount {
  tokenHash: string;
}

/** An editor with this id exists already. */
export class EditorExistsError extends Error {
  override readonly name = 'EditorExistsError';
  constructor(readonly editorId: string) {
    super(`editors: an editor with id "${editorId}" exists`);
  }
}

export interface EditorRepository {
  /** Creates an editor (id from the name) and its first token. */
  add(input: { name: string; role: Role }, now: Date): Promise<{ editor: EditorAccount; token: string }>;
  list(): Promise<EditorAccount[]>;
  get(id: string): Promise<EditorAccount | undefined>;
  /** Removes the editor and its token; their audit entries stay. */
  remove(id: string): Promise<boolean>;
  /** Issues a new token; the old one stops working. Undefined when there is no such editor. */
  rotateToken(id: string): Promise<string | undefined>;
  byTokenHash(hash: string): Promise<Editor | undefined>;
}

const account = ({ editorId, name, role, createdAt }: EditorItem): EditorAccount => ({ editorId, name, role, createdAt });

export function createEditorRepository(db: DynamoDBDocumentClient, tableName: string): EditorRepository {
  const item = async (id: string) => {
    const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.editor(id) }));
    return out.Item as EditorItem | undefined;
  };

  return {
    async add({ name, role }, now) {
      const editorId = slugify(name);
      if (!editorId) throw new Error(`editors: "${name}" gives no usable id (use letters or digits)`);
      const token = newToken();
      const editor: EditorItem = { editorId, name: name.trim(), role, createdAt: now.toISOString(), tokenHash: hashToken(token) };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.editor(editorId), ...keys.editorListed(editorId), ...editor },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              { Put: { TableName: tableName, Item: { ...keys.editorToken(editor.tokenHash), editorId } } },
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new EditorExistsError(editorId);
        throw error;
      }
      return { editor: account(editor), token };
    },

    async list() {
      const editors: EditorAccount[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.editorsPartition },
            ExclusiveStartKey: start,
          }),
        );
        editors.push(...(out.Items ?? []).map((i) => account(i as EditorItem)));
        start = out.LastEvaluatedKey;
      } while (start);
      return editors;
    },

    get: async (id) => {
      const found = await item(id);
      return found && account(found);
    },

    async remove(id) {
      const found = await item(id);
      if (!found) return false;
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: tableName, Key: keys.editor(id) } },
            { Delete: { TableName: tableName, Key: keys.editorToken(found.tokenHash) } },
          ],
        }),
      );
      return true;
    },

    async rotateToken(id) {
      const found = await item(id);
      if (!found) return undefined;
      const token = newToken();
      const tokenHash = hashToken(token);
      // Conditional on the old hash: two rotations at once cannot leave two live tokens.
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: keys.editor(id),
                UpdateExpression: 'SET tokenHash = :new',
                ConditionExpression: 'tokenHash = :old',
                ExpressionAttributeValues: { ':new': tokenHash, ':old': found.tokenHash },
              },
            },
            { Delete: { TableName: tableName, Key: keys.editorToken(found.tokenHash) } },
            { Put: { TableName: tableName, Item: { ...keys.editorToken(tokenHash), editorId: id } } },
          ],
        }),
      );
      return token;
    },

    async byTokenHash(hash) {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.editorToken(hash) }));
      const editorId = out.Item?.editorId as string | undefined;
      if (!editorId) return undefined;
      const found = await item(editorId);
      // The profile names its live token: a token item left behind by a crash proves nothing.
      if (!found || found.tokenHash !== hash) return undefined;
      return { editorId: found.editorId, name: found.name, role: found.role };
    },
  };
}
