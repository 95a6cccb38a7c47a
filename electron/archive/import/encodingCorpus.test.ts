// The outside encodings corpus (../shared/corpus/encodings: 428 real files in
// 29 encodings, evaluation-only, read at run time): Copydesk must decode at
// least the recorded floor exactly, and never fewer than jschardet measured in
// this run. `npm run bench:encodings` adds chardet and charset-normalizer
// (Python) and prints the per-encoding table recorded in BENCHMARKS.md.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './encoding.ts';
import { ENCODINGS_DIR, isExact, jschardetText, loadEncodingsCorpus, tally } from './testing/encodingCorpus.ts';

/** Files decoded exactly when BENCHMARKS.md was last updated (428 of 428). */
const FLOOR = 428;

const files = loadEncodingsCorpus();

describe.skipIf(files.length === 0)(`encodings corpus (${ENCODINGS_DIR})`, () => {
  const ours = tally(files, (f) => {
    try {
      return isExact(f, decodeBytes(f.bytes).raw);
    } catch {
      return false;
    }
  });

  it('decodes at least the recorded floor of files exactly', () => {
    expect(files.length).toBeGreaterThanOrEqual(428);
    expect(ours.total, `misses: ${ours.misses.join(', ')}`).toBeGreaterThanOrEqual(FLOOR);
  });

  it('decodes at least as many files exactly as jschardet in the same run', () => {
    const js = tally(files, (f) => isExact(f, jschardetText(f.bytes).text));
    expect(js.total).toBeGreaterThan(300);
    expect(ours.total).toBeGreaterThanOrEqual(js.total);
  });

  it.each(['iso-2022-jp', 'iso-2022-kr', 'iso-8859-15', 'windows-1253', 'shift_jis', 'euc-jp', 'gb2312', 'big5'])('every %s file is exact', (label) => {
    expect(ours.exact[label], ours.misses.filter((m) => m.startsWith(`${label}/`)).join(', ')).toBe(ours.files[label]);
  });
});

describe.runIf(files.length === 0)('encodings corpus absent', () => {
  it(`skips: ${ENCODINGS_DIR} is not there (evaluation-only corpus in ../shared)`, () => {
    expect(files).toEqual([]);
  });
});
