// The snooze bell is drawn, not an emoji (an empty box where no emoji font is installed).
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { SnoozeChip, SnoozeMenu } from '@/components/sidebar/AlertsSnooze';
import type { SidebarStore } from '@/components/sidebar/state';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { NOW } from './fixtures';

const storeWith = (snoozeUntil: number) =>
  ({
    topics: signal([{ id: 't', name: 'Storms', query: 'storm', sourceIds: [], notify: true, breaking: false, createdAt: 0 }]),
    settings: signal({ ...DEFAULT_SETTINGS, snoozeUntil }),
    now: signal(NOW),
    locale: 'en',
  }) as unknown as SidebarStore;

const emoji = /\p{Extended_Pictographic}/u;

describe('the bell', () => {
  it('is an inline SVG in the snooze menu and the snoozed chip, with no emoji', () => {
    const menu = render(<SnoozeMenu store={storeWith(0)} />).container;
    expect(menu.querySelector('summary svg.bell-icon')).toBeTruthy();
    expect(menu.textContent).not.toMatch(emoji);
    const chip = render(<SnoozeChip store={storeWith(NOW + 3_600_000)} />).container;
    expect(chip.querySelector('svg.bell-icon')).toBeTruthy();
    expect(chip.textContent).not.toMatch(emoji);
  });
});
