#!/usr/bin/env node
// The CDK app: `npx cdk synth` and `npx cdk deploy --all`.
import { buildApp } from '../lib/app.ts';

buildApp().app.synth();
