// Bodies and original files are stored Brotli-compressed: news text shrinks
// to about 40 %, which keeps the archive smaller than a plain table of the
// same text (see BENCHMARKS.md). Quality 1 compresses a 2.5 KB body in ~30 µs
// against ~200 µs at quality 5, for 0.42 vs 0.36 of the size: import speed
// matters more than those few percent.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const TEXT_PARAMS = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};
const GENERIC_PARAMS = { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } };

export function compressText(text: string): Buffer {
  return brotliCompressSync(Buffer.from(text, 'utf8'), TEXT_PARAMS);
}

export function decompressText(blob: Uint8Array): string {
  return brotliDecompressSync(blob).toString('utf8');
}

export function compressBytes(bytes: Uint8Array): Buffer {
  return brotliCompressSync(bytes, GENERIC_PARAMS);
}
