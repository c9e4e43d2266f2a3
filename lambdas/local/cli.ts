// Dispatches `mutuals-news COMMAND ...` to lambdas/local/commands/COMMAND.ts, loaded on demand
// so that a quick command (parse-feed, tag) pays only for what it uses.

export interface Command {
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, string> = {
  start: 'run the whole service locally: DynamoDB Local, scheduler, workers, HTTP server',
  ingest: 'fetch due sources once (--once) and store new stories',
  stories: 'list stored stories, newest first (--json, --limit N)',
  sources: 'list | add | remove | check the sources',
  import: 'import a folder of stories (text or HTML files) as a source',
  'parse-feed': 'parse feed files or URLs and print one JSON line each',
  tag: 'tag JSON Lines stories from standard input',
  retag: 're-tag stored stories and report what changed (--all, --dry-run)',
  retrain: "rebuild the tagger's model from the training set and editors' corrections",
  editors: 'add NAME --role editor|admin (prints the token last) | list | remove ID | token ID',
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, what]) => `  ${name.padEnd(width)}  ${what}`);
  return `usage: mutuals-news COMMAND [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (!(name in COMMANDS)) {
    process.stderr.write(`mutuals-news: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const command = (await import(`./commands/${name}.ts`)) as Command;
  try {
    return await command.run(rest);
  } catch (error) {
    // Commands report their own expected failures; anything reaching here is still shown
    // as one line, never a stack trace (set DEBUG=1 to see it).
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`mutuals-news ${name}: ${message}\n`);
    if (process.env.DEBUG) console.error(error);
    return 1;
  }
}
