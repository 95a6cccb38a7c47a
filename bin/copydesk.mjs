#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout (tsx registers the loader),
// so `npx copydesk` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
