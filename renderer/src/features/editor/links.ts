// Link URLs the editor keeps: http, https and mailto (shared/editor/nodes.ts).
import { ALLOWED_LINK_SCHEMES } from '../../../../shared/editor/nodes.ts';

export function isSafeUrl(url: string): boolean {
  try {
    return (ALLOWED_LINK_SCHEMES as readonly string[]).includes(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}

/** What a user typed into the link box, made into a URL we keep, or null. */
export function normalizeUrl(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  if (isSafeUrl(text)) return new URL(text).href;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(text)) return `mailto:${text}`;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text) && /^[^\s]+\.[^\s]+/.test(text) && isSafeUrl(`https://${text}`)) return `https://${text}`;
  return null;
}
