// Lint rules, including the layer boundaries of docs/architecture.md: imports only go down
// sim < protocols < check < runtime < labs < store < views < app.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layers = ['sim', 'protocols', 'check', 'runtime', 'labs', 'store', 'views', 'app'];

/** Everything a layer must not import: the layers above it, and the DOM-free rules below. */
function boundaryFor(layer) {
  const above = layers.slice(layers.indexOf(layer) + 1);
  const patterns = above.map((name) => ({
    group: [`**/${name}/*`, `**/${name}`],
    message: `src/${layer} sits below src/${name}; imports only go down the layers (docs/architecture.md).`,
  }));
  patterns.push({ group: ['**/tests/*', '**/tests/**'], message: 'Product code never imports test code.' });
  if (['views', 'app'].includes(layer)) {
    patterns.push({ group: ['**/protocols/*', '**/protocols', '**/check/*', '**/check'], message: `src/${layer} draws view models: what a protocol's state means is said in its lab (src/labs/<lab>/).` });
  }
  if (['sim', 'protocols', 'check', 'labs'].includes(layer)) {
    patterns.push({ group: ['react', 'react-dom', 'react-dom/*', 'd3', 'd3-*', 'zustand', 'zustand/*'], message: `src/${layer} is plain TypeScript: no DOM, no React, no view libraries.` });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: [`src/${layer}/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/**/*-snapshots/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/sim/**/*.ts', 'src/protocols/**/*.ts', 'src/check/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Time comes from the simulation.' }, { name: 'setInterval', message: 'Time comes from the simulation.' }, { name: 'performance', message: 'Time comes from the simulation.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Randomness comes from ctx.random() or a seeded stream.' }, { object: 'Date', property: 'now', message: 'Time comes from the simulation.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'Time comes from the simulation.' }],
    },
  },
  ...layers.map(boundaryFor),
  {
    // End-to-end tests wait on virtual time or the page's state: a sleep fails at random on a loaded machine.
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='waitForTimeout']", message: 'Wait on the page\'s state or virtual time (e2e/playback.ts), never on the wall clock.' }],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Wait on the page\'s state or virtual time (e2e/playback.ts), never on the wall clock.' }, { name: 'setInterval', message: 'Wait on the page\'s state, never on the wall clock.' }],
    },
  },
  {
    // The CLI ships: it finds test fixture labs only through DISTLAB_FIXTURE_LABS (cli/catalogue.ts).
    files: ['cli/**/*.ts'],
    ignores: ['cli/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/tests/*', '**/tests/**'], message: 'The CLI never imports test code.' }] }] },
  },
  {
    files: ['src/views/**/*.tsx', 'src/app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
