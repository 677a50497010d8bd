// How the demo's headed window is launched (scripts/demo.ts), apart so its test can launch the same.
// --test-type: no "unsupported command-line flag: --no-sandbox" bar over the page (the demo runs as
// root, where Chromium needs --no-sandbox).
export const DEMO_WINDOW_ARGS = ['--window-size=1440,900', '--test-type'];
