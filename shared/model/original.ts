// An imported article's original file, as the importer received it. The core
// keeps the bytes (Brotli, keyed by SHA-256); callers that show them get this
// text view, decoded with the encoding detected at import.

/** Where the original came from and how it was read; the same for the bytes and the text view. */
export interface OriginalInfo {
  /** The article it belongs to. */
  id: string;
  sha256: string;
  /** Size of the original file in bytes. */
  size: number;
  /** The file it came from (for a container record, `file#key`: the bytes are the whole container). */
  sourcePath: string | null;
  /** The encoding recorded at import (display name), null when none was recorded. */
  encoding: string | null;
  encodingConfidence: number | null;
  format: string | null;
  importedAt: string | null;
}

export interface OriginalText extends OriginalInfo {
  /** The encoding the text below was decoded with (the recorded one, or UTF-8 when none was usable). */
  decodedAs: string;
  /** The bytes decoded, with no clean-up (line ends, controls and normalisation as in the file). */
  text: string;
  /** True when `text` was cut at the requested maximum length. */
  truncated: boolean;
  /** Length of the whole decoded text in UTF-16 code units (`text.length` unless truncated). */
  textLength: number;
}
