// Links leave the app only after parsing: a string check would let
// `javascript:`, `file:` or a crafted `http:\\` through somewhere.
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The normalized URL when it may open in the system's browser or mail client, else null. */
export function safeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
