// Links leave the app only after parsing: a string check would let
// `javascript:`, `file:` or a crafted `http:\\` through somewhere.
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The normalized URL when it may open in the system's browser or mail client, else null.
 * A mailto: link keeps only its addresses: its query (`?subject=…&body=…&attach=…`, which some
 * mail clients turn into attachments of local files or prefilled text) and fragment are dropped.
 */
export function safeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'mailto:') {
    url.search = '';
    url.hash = '';
    return url.pathname.trim() === '' ? null : url.href;
  }
  if (url.hostname === '') return null;
  return url.href;
}
