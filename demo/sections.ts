// Mounts each widget's demo section when that widget exists (sections live in demo/sections/).
const sections = import.meta.glob<{ mount: (container: HTMLElement) => void }>('./sections/*.ts');
const order = ['service-finder', 'event-calendar', 'intake-form', 'story-carousel'];
const anchors: Record<string, string> = {
  'service-finder': 'services',
  'event-calendar': 'events',
  'intake-form': 'intake',
  'story-carousel': 'stories',
};

/**
 * Resolves once the widget in `section` shows its content, an empty state or an error (at most
 * after 4 s). The next section is added only then, below it: a widget growing from its loading
 * skeleton to its content never pushes another one down, so the page does not shift (CLS 0).
 */
async function shown(section: HTMLElement): Promise<void> {
  const widget = section.querySelector(order.join(','));
  const deadline = performance.now() + 4000;
  while (widget && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const root = widget.shadowRoot;
    const busy = widget.hasAttribute('aria-busy') || root?.querySelector('[aria-busy="true"]');
    if (root && root.childElementCount > 0 && !busy) return;
  }
}

/** Adds the sections one after the other; `mounted` runs as each one's widget is created. */
export async function mountSections(main: HTMLElement, mounted: () => void): Promise<void> {
  for (const name of order) {
    const load = sections[`./sections/${name}.ts`];
    if (!load) continue;
    const section = document.createElement('section');
    section.id = anchors[name];
    main.append(section);
    (await load()).mount(section);
    mounted();
    await shown(section);
  }
}
