// File names for exported articles: `YYYY-MM-DD-slug.ext`, unique within the
// run (case-insensitively, for macOS and Windows disks), built only from
// letters, digits and hyphens, so no name can hold a separator, `..`, a
// device name or a leading dot, and every path stays inside the chosen folder.
import { resolve, sep } from 'node:path';
import { slugify } from '../../../shared/model/slug.ts';
import type { ExportArticle } from '../../../shared/export/types.ts';

// Most file systems cap a name at 255 bytes; Hangul and kanji take 3 bytes each in UTF-8.
const MAX_STEM_BYTES = 160;

export interface NamingInput extends Pick<ExportArticle, 'slug' | 'headline' | 'postedAt'> {
  modifiedAt?: string;
}

export function fileStem(article: NamingInput): string {
  const date = datePart(article.postedAt) ?? datePart(article.modifiedAt ?? null) ?? 'undated';
  const slug = slugify(article.slug || '') || slugify(article.headline || '') || 'article';
  return truncateBytes(`${date}-${slug}`, MAX_STEM_BYTES);
}

function datePart(iso: string | null): string | null {
  const m = iso ? /^(\d{4}-\d{2}-\d{2})/.exec(iso) : null;
  return m ? (m[1] ?? null) : null;
}

function truncateBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out.replace(/-+$/, '');
}

/** Hands out unique names in one export run. */
export class NameAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  allocate(stem: string, extension: string): string {
    for (let n = 1; ; n += 1) {
      const name = n === 1 ? `${stem}.${extension}` : `${stem}-${n}.${extension}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}

const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}-]*\.(?:html|md|txt|xml|json)$/u;

/** The absolute path for `name` inside `dir`, or an error when it could leave it. */
export function pathInside(dir: string, name: string): string {
  const root = resolve(dir);
  const full = resolve(root, name);
  if (!SAFE_NAME.test(name) || !full.startsWith(root + sep) || full.slice(root.length + 1) !== name) {
    throw new Error(`unsafe file name ${JSON.stringify(name)}`);
  }
  return full;
}
