// mutuals-news editors add NAME --role editor|admin | list | remove ID | token ID
// Local editors sign in to the console and the editor API with a token. The token goes to
// standard output as the last line (and nowhere else); messages go to standard error.
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../core/auth/editor.ts';
import { createEditorRepository, EditorExistsError, type EditorRepository } from '../../store/editor-repository.ts';
import { readConfig } from '../config.ts';
import { connect } from '../stack.ts';
import { say, table } from '../terminal.ts';

const USAGE = `usage:
  mutuals-news editors add NAME --role editor|admin   add an editor; prints its token as the last line
  mutuals-news editors list [--json]
  mutuals-news editors remove ID                      remove an editor (their token stops working)
  mutuals-news editors token ID                       issue a new token (the old one stops working)`;

async function withEditors(body: (editors: EditorRepository) => Promise<number>): Promise<number> {
  const connection = await connect(readConfig(), { announce: say });
  try {
    return await body(createEditorRepository(connection.db, connection.tableName));
  } finally {
    await connection.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  switch (action) {
    case 'add': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { role: { type: 'string', default: 'editor' } } });
      const name = positionals.join(' ').trim();
      if (!name) return fail('editors add needs a NAME');
      if (!ROLES.includes(values.role as Role)) return fail(`--role must be ${ROLES.join(' or ')}, not "${values.role}"`);
      return withEditors(async (editors) => {
        const added = await editors.add({ name, role: values.role as Role }, new Date()).catch((error: unknown) => {
          if (error instanceof EditorExistsError) return undefined;
          throw error;
        });
        if (!added) return fail(`an editor with the id of "${name}" exists: pick another name, or \`editors token ID\` for a new token`);
        const { editor, token } = added;
        say(`added ${editor.role} ${editor.name} (id ${editor.editorId}); the token below is shown once:`);
        process.stdout.write(`${token}\n`);
        return 0;
      });
    }
    case 'list': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
      return withEditors(async (editors) => {
        const list = await editors.list();
        if (values.json) for (const e of list) process.stdout.write(`${JSON.stringify(e)}\n`);
        else if (list.length === 0) say('no editors: add one with `mutuals-news editors add NAME --role admin`');
        else process.stdout.write(`${table([['ID', 'NAME', 'ROLE', 'SINCE'], ...list.map((e) => [e.editorId, e.name, e.role, e.createdAt.slice(0, 10)])])}\n`);
        return 0;
      });
    }
    case 'remove':
      if (rest.length !== 1) return fail('editors remove needs one editor id');
      return withEditors(async (editors) => {
        if (!(await editors.remove(rest[0]!))) return fail(`no editor with id "${rest[0]}"`);
        say(`removed editor ${rest[0]} (their audit entries stay)`);
        return 0;
      });
    case 'token':
      if (rest.length !== 1) return fail('editors token needs one editor id');
      return withEditors(async (editors) => {
        const token = await editors.rotateToken(rest[0]!);
        if (!token) return fail(`no editor with id "${rest[0]}"`);
        say(`new token for ${rest[0]}; the old one no longer works:`);
        process.stdout.write(`${token}\n`);
        return 0;
      });
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

function fail(message: string): number {
  say(`mutuals-news editors: ${message}`);
  return 2;
}
