// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports the pure layers must never reach for: UI, DOM-owning D3 modules, the store, KaTeX. */
const UI_IMPORTS = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'katex',
  'katex/*',
  'd3',
  'd3-selection',
  'd3-transition',
  'd3-axis',
  'd3-zoom',
  'd3-drag',
  'd3-brush',
  '**/state/*',
  '**/views/*',
];

/** Page-wide selections are forbidden: a D3 behaviour gets one ref. */
const D3_SELECT = {
  selector: "CallExpression[callee.property.name=/^select(All)?$/][arguments.0.type='Literal']",
  message: 'No page-wide d3.select: give the behaviour a ref.',
};

/**
 * A control character in a string of the app is a JavaScript escape that slipped into TeX or text
 * (`\\times` written as `\\t` + "imes"): write TeX with String.raw or src/tex/format.ts.
 */
const CONTROL_CHARACTERS = [
  {
    selector:
      ':not(TaggedTemplateExpression) > TemplateLiteral > TemplateElement[value.cooked=/[\\u0000-\\u0009\\u000B-\\u001F]/]',
    message: 'Control character in a template literal: use String.raw for TeX.',
  },
  {
    selector: 'Literal[value=/[\\u0000-\\u0009\\u000B-\\u001F]/]',
    message: 'Control character in a string literal: use String.raw for TeX.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in src/core/model/rng.ts.' },
      ],
      // Page-wide selections are forbidden: a D3 behaviour gets one ref.
      'no-restricted-syntax': ['error', D3_SELECT],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', D3_SELECT, ...CONTROL_CHARACTERS] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/views/widgets/Tex.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'katex', message: 'Only src/views/widgets/Tex.tsx calls KaTeX.' }] },
      ],
    },
  },
  {
    files: [
      'src/core/**/*.ts',
      'src/config/**/*.ts',
      'src/content/**/*.ts',
      'src/tex/**/*.ts',
      'src/session/**/*.ts',
    ],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: UI_IMPORTS,
              message: 'core, config, content, tex and session are pure: no UI, DOM or store imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'navigator',
        'location',
        'process',
      ],
      // The engine's transcendental functions differ between browsers; ours give the same bits.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in src/core/model/rng.ts.' },
        ...[
          'exp',
          'expm1',
          'log',
          'log1p',
          'log2',
          'log10',
          'tanh',
          'sinh',
          'cosh',
          'sin',
          'cos',
          'tan',
          'pow',
          'atan2',
        ].map((property) => ({
          object: 'Math',
          property,
          message: 'Use src/core/model/math.ts: deterministic in every engine.',
        })),
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
