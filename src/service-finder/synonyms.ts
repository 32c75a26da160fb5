/**
 * Words families search with and the words services are listed under are often not the same:
 * a parent types 幼儿园 where the service says 入学政策咨询, 看病 where it says 义诊. A table of
 * word groups that find each other (the built-in one is `synonym-table.ts`, loaded with the
 * first query; sites replace it with the finder's `synonyms` property) gives each query term
 * its alternatives.
 */
export type SynonymGroups = readonly (readonly string[])[];

/** NFKC + lower case, as the finder compares text. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Word → every word of its groups (itself included), in folded form. */
export function synonymIndex(groups: SynonymGroups): Map<string, string[]> {
  const index = new Map<string, Set<string>>();
  for (const group of groups) {
    const words = group.map(fold).filter((word) => word.length > 0);
    for (const word of words) {
      const related = index.get(word) ?? new Set<string>();
      for (const other of words) related.add(other);
      index.set(word, related);
    }
  }
  return new Map([...index].map(([word, related]) => [word, [...related]]));
}

/**
 * The spellings that count as a match for one (folded) query term: the term itself, and, where
 * the term is or contains a word of the table, the term with that word replaced by each related
 * word (幼儿园报名 → 入园报名, 托育报名 …), never by a shorter word it contains (that would find
 * more than was asked for). The term itself comes first.
 */
export function alternativesOf(term: string, index: Map<string, string[]>): string[] {
  const out = new Set([term]);
  for (const [word, related] of index) {
    if (!term.includes(word)) continue;
    for (const other of related) {
      // Never widen: 心理咨询 must not become plain 心理 (法律援助 → 法律, jobs → job).
      if (other !== word && word.includes(other)) continue;
      out.add(term.split(word).join(other));
    }
  }
  return [...out];
}
