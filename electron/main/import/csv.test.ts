import { describe, expect, it } from 'vitest';
import { reportToCsv } from './csv.ts';

describe('import report CSV', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    const csv = reportToCsv([
      { path: '/a,b/"c".txt', outcome: 'imported', articleId: 'id-1', reason: null, encoding: 'utf-8', confidence: 1 },
      { path: '/x/=cmd|calc.txt', outcome: 'failed', articleId: null, reason: 'line one\nline two' },
    ]);
    const lines = csv.split('\n');
    expect(lines[0]).toBe('path,outcome,articleId,encoding,confidence,reason');
    expect(lines[1]).toBe('"/a,b/""c"".txt",imported,id-1,utf-8,1,');
    expect(csv).toContain('/x/=cmd|calc.txt,failed,,,,"line one\nline two"');
    expect(reportToCsv([{ path: '=1+1', outcome: 'failed', articleId: null, reason: '@SUM(A1)' }])).toContain("'=1+1,failed,,,,'@SUM(A1)");
  });
});
