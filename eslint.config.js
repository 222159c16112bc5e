import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'demo-output/', 'bench/out/', 'test-output/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Test tooling, the demo and benchmarks report to the terminal.
    files: ['tests/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
