// Which link targets an import keeps, for every format that reads links
// (HTML, NITF, ninjs, digitalwires and Markdown bodies).

/** Only these link targets survive an import; `javascript:` and friends become plain text. */
export function safeUrl(url: string): string | null {
  const u = url.trim();
  return /^(?:https?:\/\/|mailto:)/iu.test(u) ? u : null;
}
