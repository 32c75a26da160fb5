/** Chromium's own accessibility tree (not the DOM): what a screen reader is given. */
import { a11ySnapshot } from '@web/test-runner-commands';

export interface AXNode {
  role: string;
  name?: string;
  children?: AXNode[];
}

/** Chromium's accessibility tree of the page, flattened: role and accessible name. */
export async function accessibilityTree(): Promise<AXNode[]> {
  const root = (await a11ySnapshot({})) as unknown as AXNode;
  const out: AXNode[] = [];
  const walk = (node: AXNode) => {
    out.push(node);
    node.children?.forEach(walk);
  };
  walk(root);
  return out;
}

/** The accessible names of every node of `tree` with `role`, in page order. */
export function namesIn(tree: AXNode[], role: string): string[] {
  return tree.filter((n) => n.role === role).map((n) => n.name ?? '');
}

/** The accessible names of every node with `role` in the page, in page order. */
export async function namesOf(role: string): Promise<string[]> {
  return namesIn(await accessibilityTree(), role);
}
