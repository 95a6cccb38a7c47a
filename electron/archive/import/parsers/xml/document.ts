// What every XML format parser does first: parse the file strictly and turn a
// well-formedness error into a refusal that names the format and the position.
import { bodyState } from '../../../../../shared/editor/build.ts';
import { bodyToPlainText } from '../../../../../shared/editor/plainText.ts';
import type { BlockNode } from '../../../../../shared/editor/serialized.ts';
import { FileRefused, type ParseInput } from '../types.ts';
import { cleanText } from '../../text.ts';
import { hasMojibake, repairMojibake } from './mojibake.ts';
import { parseXml, XmlSyntaxError, type XmlElement } from './tree.ts';

export interface XmlFile {
  root: XmlElement;
  /** Report flags the whole file earns: `deep-nesting`, `mojibake-repaired`. */
  flags: string[];
}

/** The file's XML tree; a malformed file is refused (no weaker parser may read it as text). */
export function readXml(input: ParseInput, format: string): XmlFile {
  // Latin-1 mojibake keeps C1 controls that the cleaned text no longer has: repair from the raw text then.
  const fromRaw = /[\u0080-\u009F]/u.test(input.rawText) && hasMojibake(input.rawText);
  const fixed = repairMojibake(fromRaw ? input.rawText : input.text);
  const text = fromRaw ? (fixed.repaired ? cleanText(fixed.text) : input.text) : fixed.text;
  const repaired = fixed.repaired;
  try {
    const tree = parseXml(text);
    return { root: tree.root, flags: [...(tree.capped ? ['deep-nesting'] : []), ...(repaired ? ['mojibake-repaired'] : [])] };
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new FileRefused(`${format}: ${error.message}`);
    throw error;
  }
}

/** The plain text of blocks (for language guessing and summary checks). */
export function bodyText(blocks: BlockNode[]): string {
  return bodyToPlainText(bodyState(blocks));
}
