/**
 * Reads the page until the assertion holds (Jest has no expect.poll): a screen is waited for, never read once, and a
 * failure shows Jest's own message for the last value read (or the read's own error).
 */
export async function untilPasses<T>(read: () => Promise<T> | T, assert: (value: T) => void, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      // A read may throw while the element is not there yet: that counts as not yet.
      assert(await Promise.resolve().then(read));
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
