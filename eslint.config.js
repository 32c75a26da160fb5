import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const styleMapImport = {
  name: 'lit/directives/style-map.js',
  message:
    'styleMap writes a style="…" attribute on first render, which a strict CSP blocks: use cssVars() from src/core/css-vars.ts.',
};
const decoratorsImport = {
  name: 'lit/decorators.js',
  message:
    "Lit's decorators carry code the widgets never run: import property/state from src/core/element/decorators.ts.",
};
const widgets = ['service-finder', 'event-calendar', 'intake-form', 'story-carousel'];
/** An import of one of `folders` under src/, from any depth below src/. */
const importOf = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

/**
 * The layering (docs: design.md): core never imports a widget; a widget imports only core and
 * itself. Static imports only (dynamic ones are not checked by the rule).
 */
const layering = [
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [styleMapImport, decoratorsImport],
          patterns: [
            {
              regex: importOf([...widgets, 'react']),
              message: 'core never imports a widget: move what both need into src/core/.',
            },
          ],
        },
      ],
    },
  },
  ...widgets.map((widget) => ({
    files: [`src/${widget}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [styleMapImport, decoratorsImport],
          patterns: [
            {
              regex: importOf([...widgets.filter((other) => other !== widget), 'react']),
              message: `${widget} imports only src/core/ and itself: what two widgets need moves to src/core/.`,
            },
          ],
        },
      ],
    },
  })),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'storybook-static/',
      'src/generated/',
      'custom-elements.json',
      'coverage/',
      'build/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    settings: {
      wc: { elementBaseClasses: ['LitElement', 'DandelionElement', 'DandelionDataElement'] },
    },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [styleMapImport, decoratorsImport] }],
    },
  },
  ...layering,
  {
    files: ['**/*.mjs', 'scripts/**', 'demo/**/*.mjs', 'bench/**/*.mjs', 'tests/server/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Chai assertions such as `expect(x).to.exist` are expressions; test URLs carry query strings.
    files: ['tests/**/*.ts', 'stories/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      'lit/attribute-value-entities': 'off',
    },
  },
  prettier,
);
