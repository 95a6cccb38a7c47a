// Bodies, snapshots and original files are stored Brotli-compressed: news text
// shrinks to about a third, which keeps the archive smaller than a plain table
// of the same text (see BENCHMARKS.md). Quality 5 is the knee of the curve:
// higher qualities cost far more CPU on import for a few percent.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const TEXT_PARAMS = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};
const GENERIC_PARAMS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

export function compressText(text: string): Buffer {
  return brotliCompressSync(Buffer.from(text, 'utf8'), TEXT_PARAMS);
}

export function decompressText(blob: Uint8Array): string {
  return brotliDecompressSync(blob).toString('utf8');
}

export function compressBytes(bytes: Uint8Array): Buffer {
  return brotliCompressSync(bytes, GENERIC_PARAMS);
}

export function decompressBytes(blob: Uint8Array): Buffer {
  return brotliDecompressSync(blob);
}
