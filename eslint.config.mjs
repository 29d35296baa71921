// Lint: typescript-eslint's recommended rules plus the import boundaries the layout promises.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.cache/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.stryker-tmp*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/ is used by both sides: no Node, no DOM, no shell or screen code.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'electron', '../electron/*', '../renderer/*', 'react'] }],
    },
  },
  {
    // The screens reach the core only through renderer/src/api.ts.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', '**/electron/**', 'better-sqlite3', 'kysely'] }],
    },
  },
  {
    // The core runs in plain Node: it never imports Electron.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'] }],
    },
  },
  {
    // One clock (electron/core/clock.ts): the core, the shared rules and the screens never read the
    // system date themselves, so a set date (REGIEBOEK_TODAY, makeCore({ today })) reaches every rule.
    // Tests too: no test depends on the real date.
    files: ['electron/core/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'tests/**/*.ts'],
    ignores: ['electron/core/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Lees de datum via electron/core/clock.ts (today/now), of in het scherm via useToday().' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Lees de tijd via electron/core/clock.ts (now).' },
      ],
    },
  },
);
