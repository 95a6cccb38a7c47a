// Import directions are enforced here, not by habit (see ../shared/docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'zlib', 'url', 'util', 'stream'];

/** Build a no-restricted-imports rule from groups of forbidden patterns with a reason each. */
function forbid(...groups) {
  return ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];
}

const noElectron = [['electron', 'electron/*'], 'The archive core and the CLI are plain Node: they never import electron.'];
const noRenderer = [['**/renderer/**'], 'Only the renderer may import renderer code.'];
const noShell = [['**/electron/main/**', '**/electron/preload/**', '**/main/**', '**/preload/**'], 'The core never imports the Electron shell.'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'native/**', 'test-results/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/archive/**', 'electron/cli/**'],
    rules: { 'no-restricted-imports': forbid(noElectron, noRenderer, noShell) },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': forbid(
        [['electron', 'electron/*'], 'shared/ is runtime-neutral: no Electron.'],
        [nodeBuiltins, 'shared/ is runtime-neutral: no Node built-ins.'],
        [['react', 'react-dom', 'react/*', 'react-dom/*', '@lexical/react', '@lexical/react/*'], 'shared/ holds React-free code.'],
        [['**/electron/**', '**/renderer/**'], 'shared/ imports nothing internal outside shared/.'],
      ),
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': forbid(
        [['electron', 'electron/*'], 'The renderer reaches the archive only through window.copydesk.'],
        [nodeBuiltins, 'The renderer runs sandboxed: no Node built-ins.'],
        [['**/electron/**', 'better-sqlite3'], 'The renderer imports only the project shared/ folder.'],
      ),
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': forbid(
        [['**/renderer/**', '**/archive/**', '**/main/**', 'better-sqlite3'], 'The preload imports shared/ and electron only.'],
        [nodeBuiltins, 'The sandboxed preload has no Node built-ins.'],
      ),
    },
  },
  {
    files: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'tests/**', 'bench/**', 'scripts/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
