// The options page's feed server: the account as the worker keeps it in storage.local (never the
// password or token: only the worker reads those), and connecting, disconnecting and syncing through
// the worker (entrypoints/background/server-sync.ts).
import { signal } from '@preact/signals';
import { FEED_SERVER_KEY } from '@/utils/storage-keys';
import { apiBases } from '@/utils/feed-server/greader';
import { hostPattern } from '@/utils/net/host-pattern';
import { problemOf, type Problem } from '@/utils/problems';
import { loadAccount, type ServerAccount } from '@/utils/feed-server/account';
import type { ServerReply } from '@/utils/messages';
import type { OptionsEnv } from '../options-env';

export type ConnectResult = { ok: true } | { ok: false; problem: Problem } | { ok: false; permission: true };

export function createServerModel(env: Pick<OptionsEnv, 'local' | 'ask' | 'requestOrigins' | 'onStorageChanged'>) {
  const account = signal<ServerAccount | null>(null);

  async function reload(): Promise<void> {
    account.value = (await loadAccount(env.local)) ?? null;
  }

  /** Follows the worker's writes (a sync's time and problem, a connect from elsewhere). */
  function watch(): () => void {
    void reload();
    return env.onStorageChanged((keys, area) => {
      if (area === 'local' && keys.includes(FEED_SERVER_KEY)) void reload();
    });
  }

  /**
   * Asks for the server's host (the first await of the click: browsers ask only inside a user
   * gesture), then has the worker log in. A refusal changes nothing.
   */
  async function connect(address: string, user: string, password: string): Promise<ConnectResult> {
    let origin: string;
    try {
      origin = hostPattern(apiBases(address)[0]!);
    } catch (e) {
      return { ok: false, problem: problemOf(e) };
    }
    if (!user.trim() || !password) return { ok: false, problem: { code: 'serverRefused' } };
    const granted = await env.requestOrigins([origin]).catch(() => false);
    if (!granted) return { ok: false, permission: true };
    const reply = (await env.ask({ type: 'serverConnect', address, user, password })) as ServerReply | undefined;
    if (!reply) return { ok: false, problem: { code: 'unreachable' } };
    if (!reply.ok) return { ok: false, problem: reply.problem };
    await reload();
    return { ok: true };
  }

  async function disconnect(keep: boolean): Promise<void> {
    await env.ask({ type: 'serverDisconnect', keep });
    await reload();
  }

  const syncNow = () => env.ask({ type: 'serverSync', force: true });

  return { account, reload, watch, connect, disconnect, syncNow };
}

export type ServerModel = ReturnType<typeof createServerModel>;
