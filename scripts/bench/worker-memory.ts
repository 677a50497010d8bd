// JS heap of the extension's service worker, through the DevTools protocol.
import type { Extension } from '../../tests/e2e/harness';

export async function workerHeapMb(ext: Extension): Promise<number> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser-level DevTools session');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.id}/`));
    if (!target) throw new Error('the service worker target was not found');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const replies = new Map<number, any>();
    cdp.on('Target.receivedMessageFromTarget', (e: any) => {
      const m = JSON.parse(e.message);
      if (m.id) replies.set(m.id, m);
    });
    let next = 1;
    const call = async (method: string, params = {}) => {
      const id = next++;
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      for (let i = 0; i < 400 && !replies.has(id); i++) await new Promise((r) => setTimeout(r, 25));
      const m = replies.get(id);
      if (!m || m.error) throw new Error(`${method}: ${JSON.stringify(m?.error ?? 'timeout')}`);
      return m.result;
    };
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = await call('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
