// The "Read here" action an opened article offers. The reader itself loads on first use, so the
// list only knows this one hook; it is set when the page has a reader (absent in list-only tests).
import { signal } from '@preact/signals';
import type { Item } from '@/utils/model';

export const readHere = signal<((item: Item) => void) | null>(null);
