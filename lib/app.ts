import { App, type AppProps } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

/** The whole deployment: `bin/app.ts` for the CLI, tests with their own App props. */
export function buildApp(props?: AppProps) {
  const app = new App(props);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, 'MutualsNewsData', { env, description: 'mutuals-news: the table' });
  const stateless = new StatelessStack(app, 'MutualsNewsService', {
    env,
    table: stateful.table,
    editorAuth: stateful.editorAuth,
    description: 'mutuals-news: ingest, API and editor console',
  });
  return { app, stateful, stateless };
}
