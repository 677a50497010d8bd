// `npm run demo` stops as people stop it: Ctrl-C says "Stopped." and leaves nothing running, and so does
// stopping the process that started it (npm's own); its live page shows times in the viewer's zone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startNewsServer } from '../../scripts/news-server/server';
import { CHROMIUM, checkPrerequisites, waitFor } from './harness';

/** Starts the headless demo (no build) under `sh`, as npm starts it; collects its output. */
function startDemo(): { sh: ChildProcess; out: () => string } {
  checkPrerequisites();
  let out = '';
  const sh = spawn('sh', ['-c', 'node --import tsx scripts/demo.ts --no-build --headless & wait'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  sh.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  sh.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { sh, out: () => out };
}

/** The demo's own process (the shell's child). */
function demoPid(shPid: number): Promise<number | undefined> {
  const r = spawn('pgrep', ['-P', String(shPid)]);
  return new Promise((resolve) => {
    let s = '';
    r.stdout.on('data', (d: Buffer) => (s += d.toString()));
    r.on('close', () => resolve(Number(s.trim().split('\n')[0]) || undefined));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the demo', { timeout: 90_000 }, () => {
  it('Ctrl-C prints "Stopped." and stops the browser and the server', async () => {
    const { sh, out } = startDemo();
    await waitFor(() => /poll: \d+ new/.test(out()), 'the demo\'s first poll', 40_000);
    const pid = await demoPid(sh.pid!);
    assert.ok(pid, 'the demo runs under its starter');
    process.kill(-sh.pid!, 'SIGINT'); // the terminal sends Ctrl-C to the whole group
    await waitFor(() => /Stopped\.\n/.test(out()) && !alive(pid), '"Stopped." and the demo gone', 20_000);
    const origin = /Demo news server: (http:\/\/[^/]+)/.exec(out())![1];
    assert.equal(await fetch(`${origin}/demo/`).then(() => 'answered', () => 'closed'), 'closed', 'the news server is stopped');
  });

  it('stops everything when the process that started it (npm\'s) is killed', async () => {
    const { sh, out } = startDemo();
    await waitFor(() => /poll: \d+ new/.test(out()), 'the demo\'s first poll', 40_000);
    const pid = await demoPid(sh.pid!);
    assert.ok(pid, 'the demo runs under its starter');
    sh.kill('SIGKILL');
    await waitFor(() => !alive(pid), 'the demo gone after its starter was killed', 20_000);
    assert.match(out(), /Stopped\./);
  });

  it('its live page shows the times in the viewer\'s zone, as the sidebar does', async () => {
    const srv = await startNewsServer({ updateEverySec: 20 });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${srv.origin}/demo/live/storm`);
      const t = await page.locator('time[datetime]').first().evaluate((el: HTMLTimeElement) => ({ text: el.textContent, datetime: el.dateTime }));
      const tokyo = new Date(t.datetime).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });
      assert.equal(t.text, tokyo, `the page says ${t.text} for ${t.datetime}`);
    } finally {
      await browser.close();
      await srv.close();
    }
  });
});
