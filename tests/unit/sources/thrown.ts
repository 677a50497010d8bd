/** What `fn` throws (the test inspects the error itself: its class, its problem code); fails if it returns. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}
