import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      // TypeScript checks names; the few .js files here are Node scripts.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through loadConfig() (libs/core/src/config).' },
      ],
    },
  },
  {
    files: ['libs/core/src/config/**', 'libs/testing/**', 'test/**', 'bench/**', '**/*.spec.ts', '**/*.service-spec.ts', 'jest.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
