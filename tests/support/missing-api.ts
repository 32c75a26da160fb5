/**
 * Takes browser APIs away for a test, as in an engine that has none of them (WebKitGTK 2.50 has
 * no `onscrollend`, `scheduler`, `requestIdleCallback`, `Temporal`, `Element.prototype.setHTML`;
 * older iPhones no `AbortSignal.any`), and puts them back exactly as they were. Each API is
 * removed where it is defined (the object itself or a prototype), so `name in target` is false
 * and `typeof target[name]` is `'undefined'`, as feature checks expect.
 */

/** One API: the object it is reached on and its name (`[window, 'onscrollend']`). */
export type Api = readonly [target: object, name: PropertyKey];

/** Removes every listed API; returns the function that restores them (in reverse order). */
export function withoutApis(...apis: Api[]): () => void {
  const removed: [owner: object, name: PropertyKey, descriptor: PropertyDescriptor][] = [];
  const restore = () => {
    for (const [owner, name, descriptor] of removed.reverse()) {
      Object.defineProperty(owner, name, descriptor);
    }
    removed.length = 0;
  };
  try {
    for (const [target, name] of apis) {
      for (let owner: object | null = target; owner; owner = Object.getPrototypeOf(owner)) {
        const descriptor = Object.getOwnPropertyDescriptor(owner, name);
        if (!descriptor) continue;
        if (!Reflect.deleteProperty(owner, name)) throw new Error(`cannot remove ${String(name)}`);
        removed.push([owner, name, descriptor]);
      }
      if (name in target) throw new Error(`${String(name)} is still there after removing it`);
    }
  } catch (error) {
    restore();
    throw error;
  }
  return restore;
}

/**
 * Makes listeners for event `type` added from now on never hear it (an engine that never fires
 * it); returns the function that puts `addEventListener` back. Listeners added before are kept.
 */
export function withoutEvent(type: string): () => void {
  const original = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    ...args: Parameters<EventTarget['addEventListener']>
  ) {
    if (args[0] === type) return;
    original.apply(this, args);
  };
  return () => {
    EventTarget.prototype.addEventListener = original;
  };
}
