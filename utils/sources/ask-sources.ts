// A page's side of 'changeSources': it asks, the worker writes (utils/sources/write-sources.ts) and
// answers. A refusal or no answer at all comes back as a ProblemError, as a write of its own would.
import { ProblemError } from '../problems';
import type { Message, SourceChange, SourcesReply } from '../messages';

export type SourcesDone = Omit<Extract<SourcesReply, { ok: true }>, 'ok'>;

export async function askSourceChange(ask: (m: Message) => Promise<unknown>, change: SourceChange): Promise<SourcesDone> {
  const reply = (await ask({ type: 'changeSources', change })) as SourcesReply | undefined;
  // No worker answered (it was stopping): nothing was written.
  if (!reply) throw new ProblemError({ code: 'unreachable' });
  if (!reply.ok) throw new ProblemError(reply.problem);
  return reply;
}
