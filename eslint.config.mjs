import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Only the shell may touch Electron: the domain, the database and the renderer run without it. */
const ELECTRON_SHELL = [
  'src/main/index.ts',
  'src/main/window/app-page.ts',
  'src/main/window/kiosk-window.ts',
  'src/main/window/presenter-window.ts',
  'src/main/ipc/register.ts',
  'src/preload/**',
  'tests/e2e/electron-smoke.spec.ts',
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/.generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['scripts/bench/decoder-page/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ELECTRON_SHELL,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Kode domain, basis data dan renderer tidak boleh memakai electron.',
            },
          ],
        },
      ],
    },
  },
)
