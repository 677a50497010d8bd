import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    // jsdom, not happy-dom: DOMPurify does not sanitize under happy-dom.
    environment: 'jsdom',
    globals: true,
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
  },
});
