#!/usr/bin/env node
// `npx climate-risk ...`: runs the TypeScript command line (src/cli/main.ts) through tsx, a runtime
// dependency, so nothing has to be compiled first.
import { tsImport } from 'tsx/esm/api';

const cli = await tsImport('../src/cli/main.ts', import.meta.url);
await cli.runFromProcess();
