// NITF 3.x files (IPTC News Industry Text Format): one story per file, read
// by read.ts. Detected by the root element (<nitf>, with or without IPTC's
// namespace), never by a <nitf> mentioned further in (NewsML-G2 embeds NITF).
import { bodyState } from '../../../../../shared/editor/build.ts';
import { guessLanguage } from '../dates.ts';
import { FileRefused, type ParsedArticle, type ParseInput, type Parser } from '../types.ts';
import { bodyText, readXml } from '../xml/document.ts';
import { xmlRoot } from '../xml/sniff.ts';
import { readNitf } from './read.ts';

export const nitfParser: Parser = {
  name: 'nitf',
  detect(input) {
    const root = xmlRoot(input);
    return root?.local === 'nitf' ? 0.95 : 0;
  },
  parse(input) {
    return [parseNitf(input)];
  },
};

export function parseNitf(input: ParseInput): ParsedArticle {
  const { root, flags: fileFlags } = readXml(input, 'NITF');
  if (root.name !== 'nitf') throw new FileRefused(`not NITF: the root element is <${root.name}>`);
  const story = readNitf(root, input.zone);
  const { fields, blocks } = story;
  const headline = fields.headline ?? '';
  if (headline === '' && blocks.length === 0) {
    throw new FileRefused(`no text found: the NITF document${story.identity ? ` ${story.identity.id}` : ''} has no headline and no body.content`);
  }
  if (!fields.language) fields.language = guessLanguage(`${headline} ${bodyText(blocks)}`);
  return {
    fields,
    body: bodyState(blocks),
    ...(story.identity ? { identity: story.identity } : {}),
    flags: [...(blocks.length === 0 ? ['no-body'] : []), ...fileFlags],
    ...(blocks.length === 0 ? { note: 'headline only: no body.content' } : {}),
    zoneAssumed: story.zoneAssumed,
  };
}
