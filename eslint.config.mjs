import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Purity is decided by folder, not by a hand-kept list of files:
 * - src/shared runs in both processes, so it may use neither Node nor the DOM nor Electron;
 * - src/renderer runs in the sandboxed page: no Node, no Electron;
 * - everything else except the Electron shell (the entry, the window code, the IPC registration and the
 *   preload) is domain, database, test or script code and must run without Electron.
 */
const SHARED = ['src/shared/**']
const RENDERER = ['src/renderer/**']
const ELECTRON_SHELL = [
  'src/main/index.ts',
  'src/main/window/**',
  'src/main/ipc/register.ts',
  'src/preload/**',
  'tests/e2e/electron-smoke.spec.ts',
]

const ELECTRON_IMPORT = {
  name: 'electron',
  message: 'Kode domain, basis data, bersama dan renderer tidak boleh memakai electron.',
}
const NODE_MESSAGE = 'Kode bersama dan renderer tidak boleh memakai modul bawaan Node.'
/** Every builtin Node knows, bare ('fs', 'fs/promises') and prefixed ('node:*'). */
const NODE_IMPORTS = {
  paths: builtinModules
    .filter((name) => !name.startsWith('_'))
    .map((name) => ({ name, message: NODE_MESSAGE })),
  patterns: [{ group: ['node:*'], message: NODE_MESSAGE }],
}

/** Globals a host adds on top of the language itself (ES builtins such as Map or Promise stay allowed). */
const hostOnly = (host) => Object.keys(host).filter((name) => !(name in globals.es2024))
const restrictGlobals = (names, message) => ['error', ...names.map((name) => ({ name, message }))]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      // npm run dist's installers and unpacked apps, and npm start's Electron build of better-sqlite3.
      'dist/**',
      '.electron-native/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/.generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    ignores: [...SHARED, ...RENDERER],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // electron-builder's hooks are CommonJS modules it require()s.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/bench/decoder-page/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [ELECTRON_IMPORT, ...NODE_IMPORTS.paths], patterns: NODE_IMPORTS.patterns },
      ],
      // TypeScript turns no-undef off, so Node's globals are refused by name.
      'no-restricted-globals': restrictGlobals(
        hostOnly(globals.node).filter((name) => !(name in globals.browser)),
        'Renderer tidak boleh memakai global Node.',
      ),
    },
  },
  {
    files: SHARED,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [ELECTRON_IMPORT, ...NODE_IMPORTS.paths], patterns: NODE_IMPORTS.patterns },
      ],
      'no-restricted-globals': restrictGlobals(
        [...new Set([...hostOnly(globals.browser), ...hostOnly(globals.node)])],
        'Kode bersama tidak boleh memakai global peramban atau Node.',
      ),
    },
  },
  {
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: [...SHARED, ...RENDERER, ...ELECTRON_SHELL],
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON_IMPORT] }],
    },
  },
)
