// The demo's headed window shows no "You are using an unsupported command-line flag: --no-sandbox" bar
// over the page. The bar takes its height from the page, so the page's share of the window tells: the
// same window launched without the demo's --test-type must show it (else this test could not see it),
// and the demo's must not. Headed, on a virtual display (Xvfb, installed by scripts/bootstrap.sh).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { launchExtension } from './harness';
import { DEMO_WINDOW_ARGS } from '../../scripts/demo-window';

const DISPLAY = ':93';
let xvfb: ChildProcess | undefined;

/** The browser's own height above the page (toolbar, tabs and any bar) in a window launched with `args`. */
async function chromeAbovePage(args: string[]): Promise<number> {
  const ext = await launchExtension({ headless: false, viewport: null, args });
  try {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto('about:blank');
    // The bar appears a moment after the window.
    await new Promise((r) => setTimeout(r, 1500));
    return await page.evaluate(() => window.outerHeight - window.innerHeight);
  } finally {
    await ext.close();
  }
}

before(async () => {
  const found = spawnSync('sh', ['-c', 'command -v Xvfb']).status === 0;
  assert.ok(found, 'Xvfb is missing: scripts/bootstrap.sh installs it (apt-get install -y xvfb)');
  xvfb = spawn('Xvfb', [DISPLAY, '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(xvfb.exitCode, null, 'Xvfb did not start');
  process.env.DISPLAY = DISPLAY;
});

after(() => {
  xvfb?.kill();
});

describe('the demo window', { timeout: 90_000 }, () => {
  it('has no unsupported-flag bar over the page', async () => {
    const withoutTestType = await chromeAbovePage(DEMO_WINDOW_ARGS.filter((a) => a !== '--test-type'));
    const demo = await chromeAbovePage(DEMO_WINDOW_ARGS);
    // The bar is about 40 px; the rest of the browser's frame is the same in both.
    assert.ok(withoutTestType - demo >= 20, `the browser above the page: ${withoutTestType} px without --test-type (the bar), ${demo} px as the demo launches it`);
  });
});
