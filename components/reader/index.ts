// What the sidebar loads on the first "Read here": the view, its model and the extraction (Readability,
// the sanitizer). One dynamic import, so the sidebar's first paint carries none of it.
export { ReaderView } from './ReaderView';
export { createReaderModel, type ReaderModel } from './model';
