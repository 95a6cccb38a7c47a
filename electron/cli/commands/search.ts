import { SEARCH_SORTS, type SearchSort } from '../../../shared/model/search.ts';
import { type Command, intOption, printJson, stringOption, UsageError } from '../command.ts';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the archive',
  usage: 'copydesk search <query> [--limit N] [--offset N] [--sort relevance|posted|updated] [--history]',
  options: {
    history: { type: 'boolean', description: 'search every version of each article, like history: in the query' },
    limit: { type: 'string', description: 'hits to return (default 20, at most 1000)' },
    offset: { type: 'string', description: 'hits to skip' },
    sort: { type: 'string', description: 'relevance (default), posted or updated' },
  },
  run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('search needs a query, e.g. copydesk search "north korea"');
    const sort = stringOption(ctx, 'sort') ?? 'relevance';
    if (!(SEARCH_SORTS as readonly string[]).includes(sort)) throw new UsageError(`--sort must be one of ${SEARCH_SORTS.join(', ')}.`);
    const result = ctx.archive().search(ctx.args.join(' '), {
      limit: intOption(ctx, 'limit', 20, 1, 1000),
      offset: intOption(ctx, 'offset', 0),
      sort: sort as SearchSort,
      ...(ctx.options.history === true ? { history: true } : {}),
    });
    if (ctx.json) {
      printJson(ctx, {
        total: result.total,
        hits: result.hits.map((h) => ({ ...h, snippetText: h.snippet.map((s) => s.text).join('') })),
        notices: result.notices,
      });
      return 0;
    }
    for (const notice of result.notices) ctx.err(`note: ${notice}`);
    ctx.out(`${result.total} result${result.total === 1 ? '' : 's'}`);
    for (const hit of result.hits) {
      const date = hit.postedAt ? hit.postedAt.slice(0, 10) : '          ';
      ctx.out(`${hit.id}  ${date}  ${hit.headline}`);
      const snippet = hit.snippet.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
      if (snippet) ctx.out(`    ${snippet}`);
      // history: which versions held the match (compare one with `copydesk diff ID REV current`).
      if (hit.revisions) {
        const list = hit.revisions.map((r) => `${r.id}${r.name ? ` “${r.name}”` : ''} (${r.reason}, ${r.createdAt.slice(0, 16).replace('T', ' ')})`).join(', ');
        ctx.out(`    in revisions ${list}${hit.currentMatches ? '; also in the current text' : '; not in the current text'}`);
      }
    }
    return 0;
  },
};
