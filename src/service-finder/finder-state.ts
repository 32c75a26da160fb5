/** The finder's sort orders and filters: the state the URL (`sync-url`) can carry. */

export type FinderSort = 'relevance' | 'name' | 'distance' | 'updated';
export const sorts: readonly FinderSort[] = ['relevance', 'name', 'distance', 'updated'];

export interface FinderFilters {
  category?: string;
  language?: string;
  /** A child's age in years. */
  age?: number;
  area?: string;
  free: boolean;
  openNow: boolean;
}

export const emptyFilters = (): FinderFilters => ({ free: false, openNow: false });
