// The query language in one glance (the core's grammar: electron/archive/search/query).
const ROWS: ReadonlyArray<readonly [string, string]> = [
  ['election results', 'all words must match'],
  ['"central bank"', 'exact phrase'],
  ['elect*', 'words starting with “elect”'],
  ['brexit OR referendum', 'either word'],
  ['-sport   NOT sport', 'leave out a word'],
  ['(tax OR budget) vote', 'group with parentheses'],
  ['history:"troop withdrawal"', 'every version of each article, not only the current text (the “All versions” toggle)'],
  ['headline:   byline:   dek:', 'search one field'],
  ['section:world   tag:"climate change"   status:ready', 'filters (the chips write these)'],
  ['posted:2019   posted:2019-01   posted:2019-01-01..2019-03-31', 'posted or updated dates, ranges open on either side'],
  ['slug:BC-Rates   slug:BC-*   provider:dpa', 'wire slugline (* = starts with), agency'],
  ['urgency:1   urgency:<=3   urgency:1..3', 'wire urgency, 1 (flash) to 9'],
  ['subject:medtop:20000106   subject:crime', 'a coded subject by scheme:code, code or label'],
  ['embargo:2026-03   status:killed   status:withheld', 'embargo dates (like posted:), killed or withheld items'],
  ['권리   選挙', 'Korean, Japanese and Chinese: two or more characters find longer words'],
];

export function SyntaxHelp({ id }: { id: string }) {
  return (
    <section id={id} className="syntax-help" aria-label="Search syntax">
      <table>
        <tbody>
          {ROWS.map(([example, meaning]) => (
            <tr key={example}>
              <td>
                <code>{example}</code>
              </td>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
