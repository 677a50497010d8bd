// The options page's topics (storage.sync): editing them, what one being edited matches, and their
// scope following the sources removed. The worker re-matches the stored items when told.
import { signal } from '@preact/signals';
import type { Topic } from '@/utils/model';
import { loadTopics, removeTopic as removeTopicFrom, saveTopic as saveTopicTo } from '@/utils/topics/store';
import { loadTopicPreview } from '../later';
import type { OptionsEnv } from '../options-env';

export function createTopicsModel(env: OptionsEnv) {
  const topics = signal<Topic[]>([]);

  async function reload(): Promise<void> {
    topics.value = await loadTopics(env.sync);
  }

  async function saveTopic(t: Topic): Promise<void> {
    await saveTopicTo(env.sync, t);
    await reload();
    await env.send({ type: 'topicsChanged', topicIds: [t.id] });
  }

  async function removeTopic(id: string): Promise<void> {
    await removeTopicFrom(env.sync, id);
    await reload();
    await env.send({ type: 'topicsChanged', topicIds: [id] });
  }

  /** Topics scoped to these sources lose them from their scope. */
  async function dropSources(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    for (const t of topics.value.filter((x) => x.sourceIds.some((id) => gone.has(id)))) {
      await saveTopicTo(env.sync, { ...t, sourceIds: t.sourceIds.filter((x) => !gone.has(x)) });
    }
  }

  /** What a topic being edited matches among the stored items. */
  async function previewTopic(topic: Pick<Topic, 'query' | 'sourceIds'>, limit = 20) {
    const { previewTopic: previewIn } = await loadTopicPreview();
    return previewIn(await env.db(), topic, limit);
  }

  return { topics, reload, saveTopic, removeTopic, dropSources, previewTopic };
}
