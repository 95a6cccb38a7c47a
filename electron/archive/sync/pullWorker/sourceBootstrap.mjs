// Starts entry.ts from the TypeScript source (the CLI, tests and benchmarks
// run from source through tsx): register tsx in this new thread, then load
// the entry. A built app starts its bundled copy instead (syncPrepareWorker).
import { register } from 'tsx/esm/api';

register();
await import('./entry.ts');
