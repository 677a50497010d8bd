// "Also search the news" in the topic editor: off by default; on, it asks for the engine's site (the
// first thing the click awaits) and saves the topic's search; refused, it stays off and says so.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { TopicsSection } from '@/components/options/TopicsSection';
import { loadTopics, saveTopic } from '@/utils/topics/store';
import { makeSource } from '@/utils/db/sources';
import { searchSourceId } from '@/utils/search-feeds/source-id';
import type { Source, Topic } from '@/utils/model';
import { fakeEnv, loadLaterModules } from './fake-env';

beforeAll(loadLaterModules, 60_000);

async function newTopic(grant: boolean) {
  const { store, env } = fakeEnv({}, { grant });
  await store.load();
  render(<TopicsSection store={store} />);
  fireEvent.click(screen.getByRole('button', { name: 'Add topic' }));
  fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Ceasefire' } });
  fireEvent.input(screen.getByLabelText('Look for'), { target: { value: '"ceasefire talks"' } });
  return { store, env };
}

const save = () => fireEvent.click(screen.getAllByRole('button', { name: 'Add topic' })[0]!);

describe('a topic that searches the news', () => {
  it('is off by default and saves no search', async () => {
    const { env } = await newTopic(true);
    expect((screen.getByLabelText('Also search the news') as HTMLInputElement).checked).toBe(false);
    save();
    await waitFor(async () => expect(await loadTopics(env.sync)).toHaveLength(1));
    expect((await loadTopics(env.sync))[0]!.search).toBeUndefined();
    expect(env.requestOrigins).not.toHaveBeenCalled();
  });

  it('on: says why, asks for news.google.com and keeps the edition typed', async () => {
    const { env } = await newTopic(true);
    fireEvent.click(screen.getByLabelText('Also search the news'));
    expect(screen.getByText(/let Newsbar read news\.google\.com: only this topic's search words are sent there/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Edition (language and region)'), { target: { value: 'de-AT' } });
    save();
    await waitFor(async () => expect(await loadTopics(env.sync)).toHaveLength(1));
    expect(env.requestOrigins).toHaveBeenCalledWith(['https://news.google.com/*']);
    expect((await loadTopics(env.sync))[0]!.search).toEqual({ kind: 'googleNews', edition: { hl: 'de', gl: 'AT', ceid: 'AT:de' } });
    expect(screen.getByText('Also searches Google News')).toBeTruthy();
  });

  it('refused by the browser: stays off, says so, saves nothing', async () => {
    const { env } = await newTopic(false);
    fireEvent.click(screen.getByLabelText('Also search the news'));
    fireEvent.click(screen.getByLabelText('Bing News'));
    save();
    await screen.findByText('The search stays off: the browser did not allow Newsbar to read www.bing.com.');
    expect((screen.getByLabelText('Also search the news') as HTMLInputElement).checked).toBe(false);
    expect(await loadTopics(env.sync)).toEqual([]);
  });

  it('a pasted address that is no Google Alerts feed is said, and nothing is asked or saved', async () => {
    const { env } = await newTopic(true);
    fireEvent.click(screen.getByLabelText('Also search the news'));
    fireEvent.click(screen.getByLabelText('A Google Alerts feed'));
    fireEvent.input(screen.getByLabelText('Google Alerts feed address'), { target: { value: 'https://example.com/feed' } });
    save();
    await screen.findByText(/that is not a Google Alerts feed address/);
    expect(env.requestOrigins).not.toHaveBeenCalled();
    expect(await loadTopics(env.sync)).toEqual([]);
  });
});

describe('a topic search, said on its topic', () => {
  async function withSearchSource(patch: Partial<Source>) {
    const { store, env } = fakeEnv();
    const topic: Topic = { id: 't-1', name: 'Ceasefire', query: '"ceasefire talks"', sourceIds: [], notify: true, breaking: false, createdAt: 1, search: { kind: 'googleNews' } };
    await saveTopic(env.sync, topic);
    const src = makeSource({ name: 'Ceasefire · Google News', url: 'https://news.google.com/rss/search?q=%22ceasefire+talks%22' }, store.now());
    await (await env.db()).put('sources', { ...src, id: searchSourceId(topic.id), topicId: topic.id, searchEngine: 'googleNews', ...patch });
    await store.load();
    render(<TopicsSection store={store} />);
    return store;
  }

  it('the engine asked to slow down: says so, and until when', async () => {
    const store = await withSearchSource({ throttledUntil: Date.now() + 3 * 3600_000, health: 'error', problem: { code: 'http', status: 429 } });
    await screen.findByText(/^Google News asked Newsbar to slow down: searching again at /);
    // Not a subscription: the source list does not hold it.
    expect(store.sources.value).toEqual([]);
  });

  it('another failure: in plain words', async () => {
    await withSearchSource({ health: 'error', problem: { code: 'timeout', seconds: 20 } });
    await screen.findByText(/^The search did not work: /);
  });
});

describe('a topic search synced from another browser', () => {
  it('says this browser has not allowed the site yet, and asks when the user clicks Allow', async () => {
    const { store, env } = fakeEnv({}, { grant: true });
    let allowed = false;
    env.hasOrigins = async () => allowed;
    vi.mocked(env.requestOrigins).mockImplementation(async () => (allowed = true));
    await saveTopic(env.sync, { id: 't-1', name: 'Ceasefire', query: '"ceasefire talks"', sourceIds: [], notify: true, breaking: false, createdAt: 1, search: { kind: 'bingNews' } });
    await store.load();
    render(<TopicsSection store={store} />);
    await screen.findByText(/^This browser has not let Newsbar read www\.bing\.com yet/);
    fireEvent.click(screen.getByRole('button', { name: 'Allow' }));
    await screen.findByText('Also searches Bing News');
    expect(env.requestOrigins).toHaveBeenCalledWith(['https://www.bing.com/*']);
  });
});
