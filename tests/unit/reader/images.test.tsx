// "Load remote images" off in the reader: the extracted article and the feed's own content are shown
// without pictures (no lead image either) until "Show images".
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { openNewsDb } from '@/utils/db/open';
import { createReaderModel } from '@/components/reader/model';
import { ReaderView } from '@/components/reader/ReaderView';
import { createImagesModel } from '@/components/sidebar/models/images';
import type { ReaderEnv } from '@/components/reader/reader-env';
import { DEFAULT_SETTINGS, type Item } from '@/utils/model';
import { page, readerEnv } from './fixtures';

// Unmounted, then a moment for Preact's pending after-paint timers, so none fires after jsdom is gone.
afterEach(async () => {
  cleanup();
  await new Promise((r) => setTimeout(r, 150));
});

const URL_A = 'https://news.harbour.example/2026/11/barrier-vote';

function item(id: string, url: string, contentHtml = ''): Item {
  return { id, sourceId: 's', url, title: `Feed title ${id}`, summaryHtml: '<p>Feed summary</p>', contentHtml, published: 1, firstSeen: 1, updated: 0, categories: [], read: 0, starred: 0, breaking: 0, alert: 0, topics: [] };
}

function env(pages: Record<string, string>, granted: boolean): ReaderEnv {
  return readerEnv({ db: () => openNewsDb(`reader-images-${Math.random()}`), fetchPage: async (url) => ({ url, html: pages[url] }), canRead: async () => granted });
}

const remoteSrcs = (root: ParentNode) => [...root.querySelectorAll('img')].map((i) => i.getAttribute('src')).filter((s) => s && /^https?:/.test(s));

describe('the reader while remote images wait', () => {
  it('shows the article without its pictures, then with them after "Show images"', async () => {
    const images = createImagesModel(signal({ ...DEFAULT_SETTINGS, loadRemoteImages: false }), signal(true));
    const a = item('a', URL_A);
    const model = createReaderModel(env({ [URL_A]: page('news-article.html') }, true));
    await model.open(a);
    expect(model.state.value.kind).toBe('article');
    const { container } = render(<ReaderView model={model} items={() => [a]} locale="en" onClose={() => {}} images={images} />);
    expect(container.textContent).toContain('Three coastal towns voted');
    expect(remoteSrcs(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /^Show images/ }));
    await waitFor(() => expect(remoteSrcs(container).length).toBeGreaterThan(0));
    expect(remoteSrcs(container)).toContain('https://news.harbour.example/media/2026/barrier-1200.jpg');
    expect(screen.queryByRole('button', { name: /^Show images/ })).toBeNull();
  });

  it('the feed\'s own content below a question holds its pictures back too', async () => {
    const images = createImagesModel(signal({ ...DEFAULT_SETTINGS, loadRemoteImages: false }), signal(true));
    const b = item('b', 'https://other.example/story', '<p>Feed body</p><img src="https://other.example/pic.jpg" alt="Pic">');
    const model = createReaderModel(env({}, false));
    await model.open(b);
    expect(model.state.value.kind).toBe('ask');
    const { container } = render(<ReaderView model={model} items={() => [b]} locale="en" onClose={() => {}} images={images} />);
    expect(container.textContent).toContain('Feed body');
    expect(remoteSrcs(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /^Show images/ }));
    await waitFor(() => expect(remoteSrcs(container)).toEqual(['https://other.example/pic.jpg']));
  });

  it('with the setting on, the article shows its pictures and no button', async () => {
    const images = createImagesModel(signal(DEFAULT_SETTINGS), signal(true));
    const a = item('a', URL_A);
    const model = createReaderModel(env({ [URL_A]: page('news-article.html') }, true));
    await model.open(a);
    const { container } = render(<ReaderView model={model} items={() => [a]} locale="en" onClose={() => {}} images={images} />);
    expect(remoteSrcs(container).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /^Show images/ })).toBeNull();
  });
});
