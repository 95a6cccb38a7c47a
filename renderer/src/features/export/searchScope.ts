// The archive browser's current search, for "Export search results…". The
// browser reports its query here (one line in ArchiveBrowser) so File › Export…
// can offer the results without App threading the query through its state.
let current = '';

export function reportSearch(query: string): void {
  current = query;
}

export function currentSearch(): string {
  return current;
}
