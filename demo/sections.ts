// Mounts each widget's demo section when that widget exists (sections live in demo/sections/).
const sections = import.meta.glob<{ mount: (container: HTMLElement) => void }>('./sections/*.ts');
const order = ['service-finder', 'event-calendar', 'intake-form', 'story-carousel'];
const anchors: Record<string, string> = {
  'service-finder': 'services',
  'event-calendar': 'events',
  'intake-form': 'intake',
  'story-carousel': 'stories',
};

export async function mountSections(main: HTMLElement): Promise<void> {
  for (const name of order) {
    const load = sections[`./sections/${name}.ts`];
    if (!load) continue;
    const section = document.createElement('section');
    section.id = anchors[name];
    main.append(section);
    (await load()).mount(section);
  }
}
