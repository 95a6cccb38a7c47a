// XML of a vocabulary Copydesk does not read (an SVG, a sitemap, a vendor's
// own wire format): refused with what was found, so its markup never comes
// in as text through the plain-text fallback. Only files that say they are XML
// (a declaration, a namespace, an .xml-like extension) are claimed, and never
// roots another parser reads (HTML pages go to the html parser).
import { FileRefused, type Parser } from './types.ts';
import { readXml } from './xml/document.ts';
import { xmlRoot } from './xml/sniff.ts';

/** Roots the format parsers own: never refused here. */
const OWNED = new Set(['html', 'nitf', 'REUTERS', 'newsItem', 'newsMessage', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem', 'NewsML', 'NewsItem', 'rss', 'RDF', 'feed', 'entry']);
const XML_EXTENSIONS = new Set(['xml', 'rss', 'atom', 'rdf', 'xsd', 'xsl', 'svg', 'kml', 'gpx', 'opml', 'plist', 'g2', 'newsml']);

export const unknownXmlParser: Parser = {
  name: 'unknown-xml',
  detect(input) {
    const root = xmlRoot(input);
    if (!root || OWNED.has(root.local) || /^html$/iu.test(root.local)) return 0;
    const saysXml = root.declared || root.namespace !== '' || Object.keys(root.attrs).some((a) => a.startsWith('xmlns')) || XML_EXTENSIONS.has(input.ext);
    return saysXml ? 0.85 : 0;
  },
  parse(input) {
    const root = xmlRoot(input);
    const name = root?.qname ?? '?';
    // A broken file says where it breaks; a sound one says what it is.
    readXml(input, `unrecognized XML (root <${name}>)`);
    const ns = root?.namespace ? ` in namespace ${root.namespace}` : ' (no namespace)';
    throw new FileRefused(`unrecognized XML: root <${name}>${ns}; Copydesk reads NewsML-G2, NewsML 1.2, NITF, RSS, Atom and WordPress exports`);
  },
};
