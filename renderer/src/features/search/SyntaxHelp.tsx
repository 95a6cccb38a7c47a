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
