// Lint, and the layer rules of docs/architecture.md: shared/ and renderer/ never reach Node, Electron or the
// database; only electron/ipc/register.ts and electron/preload.ts touch ipcMain / ipcRenderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_AND_ELECTRON = {
  patterns: [
    { group: ['node:*'], message: 'shared/ and renderer/ run in the browser and in workers: no Node modules.' },
    { group: ['electron', 'electron/*'], message: 'Only electron/ may use Electron.' },
    { group: ['better-sqlite3'], message: 'Only electron/ may open the database.' },
    { group: ['**/electron/**', '../electron', '../../electron'], message: 'Talk to the main process through shared/api.ts.' },
  ],
  paths: ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'url', 'util', 'stream'].map((name) => ({
    name,
    message: 'shared/ and renderer/ run in the browser and in workers: no Node modules.',
  })),
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'shared/engine/data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Services turned async as the data moved onto the query builder (issue 11): a call whose promise is dropped
    // would write after its caller answered, or outside its transaction. Type-aware, so only where it matters.
    files: ['electron/**/*.ts', 'tests/integration/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', NODE_AND_ELECTRON] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // These modules exist to find and reject control characters in users' cells.
    files: ['shared/formats/**/*.ts', 'shared/engine/normalise*.ts', 'electron/tabular/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/ipc/register.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='ipcMain']", message: 'Register channels only through electron/ipc/register.ts.' },
        { selector: "Identifier[name='ipcRenderer']", message: 'Only the preload may use ipcRenderer.' },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'build/**/*.mjs', 'bench/**/*.mjs', 'tests/**/*.{ts,tsx,mjs}', '*.config.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
);
