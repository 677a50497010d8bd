import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { trimParsers } from './scripts/build/trim-parsers.ts';

export default defineConfig({
  // The bundles' trimmed parsers (scripts/build/trim-parsers.ts), so the tests run the code users get.
  plugins: [WxtVitest(), preact(), ...trimParsers()],
  test: {
    // jsdom, not happy-dom: DOMPurify does not sanitize under happy-dom.
    environment: 'jsdom',
    globals: true,
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Through Vite rather than loaded by Node as they are, so that trimParsers applies to them too.
    server: { deps: { inline: ['feedsmith', 'fast-xml-parser'] } },
  },
});
