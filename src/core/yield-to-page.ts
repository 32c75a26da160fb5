/**
 * Lets the page handle input and paint between two slices of long work (reading 100,000
 * records, deriving a finder's facets): `scheduler.yield()` where the browser has it (the work
 * continues ahead of other tasks), a message-channel task elsewhere. Not a timer, so fake
 * clocks in tests do not stop it.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
