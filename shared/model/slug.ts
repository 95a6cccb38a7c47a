// URL- and file-safe slug from a headline. Letters of any script survive
// (a Korean headline keeps its Hangul); accents on Latin letters are dropped.
export function slugify(text: string, maxLength = 80): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
  const slug = folded
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = Array.from(slug).slice(0, maxLength).join('').replace(/-+$/g, '');
  return cut;
}
