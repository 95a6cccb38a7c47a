// NewsML 1.x (IPTC, 2000–2008; AFP, ANA-MPE, Business Wire still send it):
// a <NewsML> envelope of NewsItems, each a tree of NewsComponents. One
// article per NewsItem — or, when the item's top component holds the same
// story in several languages (equivalents chosen by Language, as Business
// Wire sends English and Chinese releases), one article per language
// component, which is what a reader of either language needs.
// Identity: the PublicIdentifier without its revision (`urn:newsml:afp.com:
// 20140829T135002Z:TX-PAR-FXW86`), the RevisionId as version.
import { bodyState } from '../../../../../shared/editor/build.ts';
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import { resolveDate } from '../../../time/parseDate.ts';
import type { Zone } from '../../../time/zone.ts';
import { guessLanguage } from '../dates.ts';
import { FileRefused, type ParsedArticle, type Parser } from '../types.ts';
import { bodyText, readXml } from '../xml/document.ts';
import { attr, kid, kidPath, kids, text } from '../xml/query.ts';
import { languageTag, scale9 } from '../xml/text.ts';
import { xmlRoot } from '../xml/sniff.ts';
import type { XmlElement } from '../xml/tree.ts';
import { readComponent } from './component.ts';

const STATUS: Record<string, ArticleFields['pubStatus']> = { usable: 'usable', embargoed: 'usable', withheld: 'withheld', canceled: 'canceled', cancelled: 'canceled' };
const INSTRUCTIONS: Record<string, string> = { update: 'update', rectify: 'correction', correction: 'correction', kill: 'kill', withhold: 'withhold', 'lift embargo': 'update' };

export const newsml12Parser: Parser = {
  name: 'newsml-1.2',
  detect(input) {
    const root = xmlRoot(input);
    if (root?.local === 'NewsML') return 0.95;
    return root?.local === 'NewsItem' && /<Identification[\s>]/u.test(input.head) ? 0.9 : 0;
  },
  parse(input) {
    const { root, flags: fileFlags } = readXml(input, 'NewsML 1.2');
    const items = root.name === 'NewsItem' ? [root] : kids(root, 'NewsItem');
    if (root.name !== 'NewsML' && root.name !== 'NewsItem') throw new FileRefused(`not NewsML 1.2: the root element is <${root.name}>`);
    const priority = scale9(attr(kidPath(root, 'NewsEnvelope', 'Priority'), 'FormalName'));
    const envelopeDate = text(kidPath(root, 'NewsEnvelope', 'DateAndTime'));
    const articles: ParsedArticle[] = [];
    const unusable: string[] = [];
    for (const item of items) {
      const id = identityOf(item);
      const top = kid(item, 'NewsComponent');
      const stories = top ? storyComponents(top) : [];
      for (const component of stories) {
        const story = readComponent(component, input.zone);
        if (story.blocks.length === 0) {
          unusable.push(`NewsML 1.2 item ${id.id || '(no identifier)'} has no text content`);
          continue;
        }
        const language = story.fields.language ?? '';
        const key = stories.length > 1 ? `${id.id}#${language || stories.indexOf(component) + 1}` : id.id;
        articles.push(article(item, story, { ...id, id: key }, { priority, envelopeDate, zone: input.zone, flags: [...new Set([...fileFlags, ...(story.capped ? ['deep-nesting'] : [])])] }));
      }
      if (!top) unusable.push(`NewsML 1.2 item ${id.id || '(no identifier)'} has no NewsComponent${kid(item, 'Update') ? ' (an Update to another item)' : ''}`);
    }
    if (articles.length === 0) throw new FileRefused(`no text found: ${unusable[0] ?? 'the NewsML document holds no NewsItem'}`);
    if (articles.length > 1) {
      const seen = new Set<string>();
      articles.forEach((a, i) => {
        let key = a.identity?.id || `item-${i + 1}`;
        while (seen.has(key)) key = `${key}+`;
        seen.add(key);
        a.key = key;
      });
    }
    return articles;
  },
};

/** The stories of a top component: its language equivalents when it is a choice between languages, else itself. */
function storyComponents(top: XmlElement): XmlElement[] {
  const children = kids(top, 'NewsComponent');
  const byLanguage = kids(top, 'BasisForChoice').some((b) => /Language/u.test(text(b))) || attr(top, 'EquivalentsList') === 'yes';
  const languages = new Set(children.map((c) => languageTag(attr(kidPath(c, 'DescriptiveMetadata', 'Language'), 'FormalName'))));
  return byLanguage && children.length > 0 && (languages.size === children.length || children.length === 1) ? children : [top];
}

interface ItemId {
  provider: string;
  id: string;
  version: number | null;
}

function identityOf(item: XmlElement): ItemId {
  const ident = kidPath(item, 'Identification', 'NewsIdentifier');
  const revision = kid(ident, 'RevisionId');
  const version = Number.parseInt(text(revision), 10);
  const publicId = text(kid(ident, 'PublicIdentifier'));
  const providerId = text(kid(ident, 'ProviderId'));
  // urn:newsml:ProviderId:DateId:NewsItemId:RevisionId[Update]: the item without its revision.
  const id = publicId !== '' ? publicId.replace(/:\d+[NAU]?$/u, '') : providerId !== '' ? `urn:newsml:${providerId}:${text(kid(ident, 'DateId'))}:${text(kid(ident, 'NewsItemId'))}` : '';
  const party = attr(kidPath(kid(item, 'NewsComponent'), 'AdministrativeMetadata', 'Provider', 'Party'), 'FormalName');
  return { provider: (party || providerId).toLowerCase(), id, version: Number.isFinite(version) ? version : null };
}

interface Context {
  priority: number | null;
  envelopeDate: string;
  zone: Zone;
  flags: string[];
}

function article(item: XmlElement, story: ReturnType<typeof readComponent>, identity: ItemId, ctx: Context): ParsedArticle {
  const management = kid(item, 'NewsManagement');
  const ident = kidPath(item, 'Identification', 'NewsIdentifier');
  const fields = story.fields;
  const posted = resolveDate(text(kid(management, 'FirstCreated')) || ctx.envelopeDate, ctx.zone);
  const updated = resolveDate(text(kid(management, 'ThisRevisionCreated')), ctx.zone);
  if (posted) fields.postedAt = posted.iso;
  if (updated && updated.iso !== posted?.iso) fields.updatedAt = updated.iso;
  fields.pubStatus = STATUS[attr(kid(management, 'Status'), 'FormalName').toLowerCase()] ?? '';
  fields.urgency = scale9(attr(kid(management, 'Urgency'), 'FormalName'));
  fields.priority = ctx.priority;
  fields.provider = attr(kidPath(kid(item, 'NewsComponent'), 'AdministrativeMetadata', 'Provider', 'Party'), 'FormalName') || text(kid(ident, 'ProviderId'));
  if (!fields.slugline) fields.slugline = text(kidPath(item, 'Identification', 'NameLabel'));
  const update = attr(kid(ident, 'RevisionId'), 'Update');
  fields.signals = [
    ...new Set([
      ...(update === 'A' || update === 'U' ? ['update'] : []),
      ...kids(management, 'Instruction').map((i) => INSTRUCTIONS[attr(i, 'FormalName').toLowerCase()] ?? '').filter((s) => s !== ''),
    ]),
  ];
  if (!fields.language) fields.language = languageTag(attr(item, 'xml:lang')) || guessLanguage(`${fields.headline ?? ''} ${bodyText(story.blocks)}`);
  return {
    fields,
    body: bodyState(story.blocks),
    ...(identity.id !== '' ? { identity } : {}),
    flags: ctx.flags,
    zoneAssumed: [posted, updated].some((d) => d?.zoneAssumed === true),
  };
}
