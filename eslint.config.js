import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers, lowest first. Code may import, at run time, only from its own layer or a lower one;
 * type-only imports may cross (the stored job record's type lives with the job). See docs/architecture.md.
 */
const LAYERS = [
  { name: 'shared', files: ['lib/errors.ts'] },
  { name: 'platforms, net, storage, upload', files: ['lib/platforms/**', 'lib/net/**', 'lib/storage/**', 'lib/upload/**'] },
  // A shim stands in for what one browser lacks (an offscreen document, a permission prompt): it uses the engine's messages and files.
  { name: 'export, messaging, shims', files: ['lib/export/**', 'lib/messaging/**', 'lib/shims/**'] },
  { name: 'ui', files: ['lib/ui/**'] },
];
const LAYER_IMPORTS = [
  [],
  ['**/platforms/**', '**/net/**', '**/storage/**', '**/upload/**'],
  ['**/export/**', '**/messaging/**', '**/shims/**'],
  ['**/ui/**'],
];

function higherLayers(index) {
  return [...LAYER_IMPORTS.slice(index + 1).flat(), '**/entrypoints/**', '@/entrypoints/**'];
}

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
    // A promise nobody awaits loses its error; in the extension that is a job that never finishes.
    files: ['lib/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...LAYERS.map((layer, index) => ({
    files: layer.files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: higherLayers(index),
              allowTypeImports: true,
              message: `The ${layer.name} layer must not depend on a higher layer at run time (docs/architecture.md).`,
            },
          ],
        },
      ],
    },
  })),
  {
    // Test tooling, the demo and benchmarks report to the terminal.
    files: ['tests/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
