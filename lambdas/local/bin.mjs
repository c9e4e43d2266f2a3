#!/usr/bin/env node
// The `mutuals-news` command. It runs the TypeScript sources through tsx, so it works right
// after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// The SDK's notice about Node 22 is for Lambda runtimes; on a laptop it is noise on every command.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
