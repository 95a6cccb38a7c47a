// WordPress eXtended RSS (WXR 1.0–1.2, Tools › Export): one article per post.
// Pages, attachments, menu items, revisions and other post types are not
// articles and are left out (an export's pages are site furniture: About,
// Contact). Categories and tags as WordPress means them: the first category
// is the section, every category is kept as a subject (scheme `category`),
// post tags are the tags. The body is post_content run through a small
// wpautop: WordPress stores paragraphs as blank-line-separated text and adds
// the <p> and <br> only when it displays a post.
import { bodyState } from '../../../../shared/editor/build.ts';
import type { ArticleFields } from '../../../../shared/model/article.ts';
import type { Subject } from '../../../../shared/model/newsroom.ts';
import { resolveDate } from '../../time/parseDate.ts';
import { guessLanguage } from './dates.ts';
import { hostOf, uniqueKeys } from './feeds/entry.ts';
import { textOf, type HtmlNode } from './htmlBlocks.ts';
import { FileRefused, type ParsedArticle, type ParseInput, type Parser } from './types.ts';
import { blocksFromHtmlString } from './xml/blocks.ts';
import { bodyText, readXml } from './xml/document.ts';
import { attr, kid, kids, text } from './xml/query.ts';
import { distinct, htmlText, languageTag } from './xml/text.ts';
import { declaresNamespace, xmlRoot } from './xml/sniff.ts';
import type { XmlElement } from './xml/tree.ts';

const WP = 'http://wordpress.org/export/';
/** Post types imported as articles. */
const ARTICLE_TYPES = new Set(['post']);
const DRAFT = new Set(['draft', 'pending', 'auto-draft', 'future', 'private']);

export const wxrParser: Parser = {
  name: 'wordpress-wxr',
  detect(input) {
    const root = xmlRoot(input);
    return root?.local === 'rss' && declaresNamespace(root, WP) ? 0.97 : 0;
  },
  parse(input) {
    const { root, flags } = readXml(input, 'WordPress WXR');
    const channel = kid(root, 'channel');
    const items = kids(channel, 'item');
    const posts = items.filter((i) => ARTICLE_TYPES.has(wp(i, 'post_type') || 'post'));
    if (posts.length === 0) {
      const types = distinct(items.map((i) => wp(i, 'post_type'))).join(', ');
      throw new FileRefused(`no text found: the WordPress export holds no posts${types ? ` (only ${types})` : ''}`);
    }
    const authors = authorNames(channel);
    const site = hostOf(text(kid(channel, 'link'))) || hostOf(wp(channel, 'base_site_url'));
    const language = languageTag(text(kid(channel, 'language')));
    const articles = uniqueKeys(posts.map((post) => readPost(post, { authors, site, language, flags, input })));
    for (const a of articles) {
      // A post id is unique in a WordPress site: a repeat in one export is worth a word in the report.
      if (a.key !== a.identity?.id) a.note = [a.note, `post id ${a.identity?.id ?? ''} appears more than once in this export`].filter(Boolean).join('; ');
    }
    return articles;
  },
};

/** A wp:* child's raw text. */
function wp(el: XmlElement | null, local: string): string {
  const found = kids(el, local).find((k) => (k.namespace ?? '').startsWith(WP));
  return found ? textOf(found as HtmlNode, true).trim() : '';
}

/** Login → display name, from the export's wp:author list. */
function authorNames(channel: XmlElement | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of kids(channel, 'author').filter((k) => (k.namespace ?? '').startsWith(WP))) {
    const login = wp(a, 'author_login');
    const full = `${wp(a, 'author_first_name')} ${wp(a, 'author_last_name')}`.trim();
    if (login !== '') out.set(login, wp(a, 'author_display_name') || full || login);
  }
  return out;
}

interface Site {
  authors: Map<string, string>;
  site: string;
  language: string;
  flags: string[];
  input: ParseInput;
}

function readPost(post: XmlElement, site: Site): ParsedArticle {
  const id = wp(post, 'post_id');
  const content = kids(post, 'encoded').find((k) => (k.namespace ?? '').includes('/content/'));
  const excerpt = kids(post, 'encoded').find((k) => (k.namespace ?? '').includes('/excerpt/'));
  const { blocks, capped } = blocksFromHtmlString(autop(content ? textOf(content as HtmlNode, true) : ''), text(kid(post, 'link')));
  const login = text(kids(post, 'creator')[0]);
  const byline = site.authors.get(login) ?? login;
  const categories = kids(post, 'category');
  const sections = categories.filter((c) => attr(c, 'domain') === 'category').map((c) => ({ name: text(c), nicename: attr(c, 'nicename') }));
  const subjects: Subject[] = sections.map((c) => ({ scheme: 'category', code: c.nicename, label: c.name }));
  const status = wp(post, 'status');
  // post_date_gmt is UTC; drafts carry 0000-00-00 there and only the local post_date.
  const gmt = wp(post, 'post_date_gmt');
  const posted = /^0000/u.test(gmt) || gmt === '' ? resolveDate(wp(post, 'post_date') || text(kid(post, 'pubDate')), site.input.zone) : resolveDate(`${gmt} UTC`, site.input.zone);
  const headline = htmlText(textOf((kid(post, 'title') ?? post) as HtmlNode, true));
  const fields: Partial<ArticleFields> = {
    headline,
    dek: excerpt ? htmlText(textOf(excerpt as HtmlNode, true)) : '',
    byline,
    authors: byline === '' ? [] : [{ name: byline, role: '' }],
    section: sections.map((s) => s.name).find((n) => !/^uncategori[sz]ed$/iu.test(n)) ?? '',
    tags: distinct(categories.filter((c) => attr(c, 'domain') === 'post_tag').map(text)),
    subjects,
    language: site.language || guessLanguage(`${headline} ${bodyText(blocks)}`),
    slug: wp(post, 'post_name'),
    ...(status === 'publish' ? { status: 'published' as const } : DRAFT.has(status) ? { status: 'draft' as const } : {}),
  };
  if (posted) fields.postedAt = posted.iso;
  return {
    key: id,
    fields,
    body: bodyState(blocks),
    ...(id !== '' ? { identity: { provider: site.site, id, version: null } } : {}),
    flags: [...site.flags, ...(blocks.length === 0 ? ['no-body'] : []), ...(capped ? ['deep-nesting'] : [])],
    ...(blocks.length === 0 ? { note: 'title only: the post has no text' } : {}),
    zoneAssumed: posted?.zoneAssumed ?? false,
  };
}


const BLOCK_TAGS = 'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|img|video|audio';

/**
 * WordPress's wpautop, reduced to what decides text: block tags stand on their
 * own, blank lines separate paragraphs, a single newline inside a paragraph is
 * a line break (unless it only separates block tags).
 */
export function autop(raw: string): string {
  const text = raw.replace(/\r\n?/gu, '\n').trim();
  if (text === '') return '';
  const spaced = text.replace(OPEN_BLOCK, '\n\n$1').replace(CLOSE_BLOCK, '$1\n\n').replace(VOID_BLOCK, '$1\n\n');
  return spaced
    .split(/\n\s*\n/u)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => {
      const lines = chunk.split('\n').map((l) => l.trim());
      const joined = lines.reduce((acc, line, i) => {
        if (i === 0) return line;
        const blockSeam = ENDS_WITH_BLOCK.test(acc) || STARTS_WITH_BLOCK.test(line);
        return `${acc}${blockSeam ? '\n' : '<br />\n'}${line}`;
      }, '');
      return STARTS_WITH_BLOCK.test(joined) ? joined : `<p>${joined}</p>`;
    })
    .join('\n');
}

const OPEN_BLOCK = new RegExp(`(<(?:${BLOCK_TAGS})[\\s/>])`, 'giu');
const CLOSE_BLOCK = new RegExp(`(</(?:${BLOCK_TAGS})>)`, 'giu');
/** Block tags that never close: what follows them starts a new paragraph. */
const VOID_BLOCK = /(<(?:hr|img)\b[^>]*>)/giu;
const STARTS_WITH_BLOCK = new RegExp(`^</?(?:${BLOCK_TAGS})[\\s/>]`, 'iu');
const ENDS_WITH_BLOCK = new RegExp(`<(?:/?(?:${BLOCK_TAGS})(?:\\s[^>]*)?|(?:${BLOCK_TAGS})[^>]*/)>$`, 'iu');
