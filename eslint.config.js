import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', 'public/build/', 'public/assets/', 'node_modules/', '.data/', '.cache/', 'app/styles/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
    },
  },
  {
    // Domain logic never reaches for the web framework.
    files: ['modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@remix-run/*'], message: 'modules/ holds domain logic; Remix belongs in app/.' }] }],
    },
  },
  {
    // Every redirect goes through the one helper that checks its target is on this site.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/server/redirect.server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@remix-run/node', '@remix-run/react', '@remix-run/server-runtime', '@remix-run/router'].map((name) => ({
            name,
            importNames: ['redirect', 'redirectDocument', 'replace'],
            message: 'Use redirect from ~/server/redirect.server: it checks the target is a path on this site.',
          })),
        },
      ],
    },
  },
  {
    files: ['db/migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
