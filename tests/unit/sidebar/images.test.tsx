// "Load remote images" in the sidebar: with the setting off, no remote image is ever put in the page
// (every address an <img> is given, from first paint on, is recorded: that is what the browser would
// request), until "Show images" on one article, and then only that article's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSettings } from '@/utils/settings';
import { item, NOW, source } from './fixtures';
import { renderSidebar } from './render';

const S1 = source({ id: 's1', name: 'World Desk' });

/** Records every remote address given to an element that fetches it (img src/srcset), from now on. */
function watchImageRequests() {
  const seen: string[] = [];
  const record = (el: Element) => {
    for (const img of [el, ...el.querySelectorAll('*')]) {
      for (const a of ['src', 'srcset', 'poster', 'background']) {
        const v = img.getAttribute(a);
        if (v && /^https?:/i.test(v)) seen.push(v);
      }
    }
  };
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) {
        const v = r.target.getAttribute(r.attributeName!);
        if (v && /^https?:/i.test(v)) seen.push(v);
      }
      for (const n of r.addedNodes) if (n instanceof Element) record(n);
    }
  });
  mo.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'srcset', 'poster', 'background'] });
  return {
    /** The requests so far (flushes pending mutation records first). */
    requests(): string[] {
      for (const r of mo.takeRecords()) {
        if (r.type === 'attributes' && r.target instanceof Element) {
          const v = r.target.getAttribute(r.attributeName!);
          if (v && /^https?:/i.test(v)) seen.push(v);
        }
        for (const n of r.addedNodes) if (n instanceof Element) record(n);
      }
      return [...new Set(seen)].sort();
    },
    stop: () => mo.disconnect(),
  };
}

const items = () => [
  item({
    id: 'a', title: 'Harbour bridge opens', published: NOW - 60_000, url: 'https://news.example/a',
    imageUrl: 'https://img.example/a-thumb.jpg',
    contentHtml: '<p>Body A</p><img src="https://img.example/a-body.jpg" alt="Bridge"><img src="https://t.example/px.gif" width="1" height="1">',
  }),
  item({ id: 'b', title: 'Council votes', published: NOW - 120_000, url: 'https://news.example/b', imageUrl: 'https://img.example/b-thumb.jpg', summaryHtml: '<p>B <img src="https://img.example/b-sum.jpg"></p>' }),
  item({ id: 'c', title: 'No pictures here', published: NOW - 180_000, url: 'https://news.example/c' }),
];

let watch: ReturnType<typeof watchImageRequests>;
beforeEach(() => {
  watch = watchImageRequests();
});
// Unmounted here (before render.tsx's own clean-up), then a moment for Preact's pending after-paint
// timers, so none fires after jsdom is gone.
afterEach(async () => {
  watch.stop();
  cleanup();
  await new Promise((r) => setTimeout(r, 150));
});

const row = (c: HTMLElement, id: string) => c.querySelector(`.list > li[data-id="${id}"]`) as HTMLElement;

describe('Load remote images', () => {
  it('on (the default): thumbnails and favicons load as before', async () => {
    const h = await renderSidebar(items(), [S1]);
    expect(row(h.container, 'a').querySelector('img.thumb')!.getAttribute('src')).toBe('https://img.example/a-thumb.jpg');
    expect(watch.requests()).toEqual(['https://img.example/a-thumb.jpg', 'https://img.example/b-thumb.jpg', 'https://s1.example/favicon.ico']);
    expect(h.container.querySelector('.show-images')).toBeNull();
  });

  it('off: nothing remote is requested (no thumbnail, favicon or picture in an opened article) until "Show images", then that article\'s only', async () => {
    await saveSettings(fakeBrowser.storage.sync, { loadRemoteImages: false });
    const h = await renderSidebar(items(), [S1]);
    // A plain button where a thumbnail would be; a letter instead of the favicon; none for the row without pictures.
    expect(within(row(h.container, 'a')).getByRole('button', { name: /^Show images/ })).toBeTruthy();
    expect(within(row(h.container, 'b')).getByRole('button', { name: /^Show images/ })).toBeTruthy();
    expect(within(row(h.container, 'c')).queryByRole('button', { name: /^Show images/ })).toBeNull();
    expect(row(h.container, 'a').querySelector('.avatar')!.textContent).toBe('W');
    // Opening an article shows its text without its pictures, and offers them.
    fireEvent.click(within(row(h.container, 'a')).getByRole('button', { name: /^Harbour bridge/ }));
    await waitFor(() => expect(row(h.container, 'a').querySelector('.body .content')).not.toBeNull());
    const body = row(h.container, 'a').querySelector('.body') as HTMLElement;
    expect(body.textContent).toContain('Body A');
    expect(body.querySelector('img')).toBeNull();
    expect(watch.requests()).toEqual([]);

    fireEvent.click(within(body).getByRole('button', { name: /^Show images/ }));
    await waitFor(() => expect(body.querySelector('img')).not.toBeNull());
    // Only article a's picture (the 1x1 pixel never) and its source's favicon; article b still waits.
    expect(watch.requests()).toEqual(['https://img.example/a-body.jpg', 'https://s1.example/favicon.ico']);
    expect(within(body).queryByRole('button', { name: /^Show images/ })).toBeNull();
    // Closed again, its thumbnail shows; b's still waits behind its button.
    fireEvent.click(within(row(h.container, 'a')).getByRole('button', { name: /^Harbour bridge/ }));
    await waitFor(() => expect(row(h.container, 'a').querySelector('img.thumb')).not.toBeNull());
    expect(watch.requests()).toEqual(['https://img.example/a-body.jpg', 'https://img.example/a-thumb.jpg', 'https://s1.example/favicon.ico']);
    fireEvent.click(within(row(h.container, 'b')).getByRole('button', { name: /^Show images/ }));
    await waitFor(() => expect(row(h.container, 'b').querySelector('img.thumb')).not.toBeNull());
    expect(watch.requests()).toContain('https://img.example/b-thumb.jpg');
  });

  it('turning the setting on in the options page loads images at once; off again stops new ones', async () => {
    await saveSettings(fakeBrowser.storage.sync, { loadRemoteImages: false });
    const h = await renderSidebar(items(), [S1]);
    expect(watch.requests()).toEqual([]);
    await saveSettings(fakeBrowser.storage.sync, { loadRemoteImages: true });
    h.storageChanged(['settings']);
    await waitFor(() => expect(row(h.container, 'a').querySelector('img.thumb')).not.toBeNull());
    expect(h.container.querySelector('.show-images')).toBeNull();
    await saveSettings(fakeBrowser.storage.sync, { loadRemoteImages: false });
    h.storageChanged(['settings']);
    await waitFor(() => expect(h.container.querySelector('img.thumb')).toBeNull());
    expect(row(h.container, 'b').querySelector('.show-images')).not.toBeNull();
  });
});
