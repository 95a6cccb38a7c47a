import { afterEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive.ts';
import { tempArchive, type TempArchive } from '../testing/tempArchive.ts';

let t: TempArchive | undefined;
afterEach(() => t?.cleanup());

const crime = { scheme: 'medtop', code: '20000106', label: 'crime' };
const economy = { scheme: 'medtop', code: '04000000', label: 'economy, business and finance' };
const agency = { scheme: 'dpasubject', code: '20000106', label: 'Kriminalität' };
const free = { scheme: '', code: '', label: 'city council' };
const oddChars = { scheme: 'x', code: '50%_off', label: 'sale_items' };

function setup() {
  t = tempArchive();
  const a = t.archive;
  a.createArticle({ headline: 'One', subjects: [crime, economy] });
  a.createArticle({ headline: 'Two', subjects: [crime] });
  a.createArticle({ headline: 'Three', subjects: [crime, agency, free] });
  a.createArticle({ headline: 'Four', subjects: [oddChars] });
  a.createArticle({ headline: 'None' });
  return a;
}

describe('Archive.subjectSuggestions', () => {
  it('finds a label by its start, case-insensitively, with how many articles use it', () => {
    const a = setup();
    expect(a.subjectSuggestions('Cri')).toEqual([{ ...crime, uses: 3 }]);
  });

  it('finds a label by the start of a later word', () => {
    const a = setup();
    expect(a.subjectSuggestions('business').map((s) => s.label)).toEqual(['economy, business and finance']);
    expect(a.subjectSuggestions('council').map((s) => s.label)).toEqual(['city council']);
  });

  it('finds codes and scheme:code, keeping schemes apart', () => {
    const a = setup();
    expect(a.subjectSuggestions('2000').map((s) => `${s.scheme}:${s.code}`)).toEqual(['medtop:20000106', 'dpasubject:20000106']);
    expect(a.subjectSuggestions('dpasubject:2').map((s) => s.label)).toEqual(['Kriminalität']);
    expect(a.subjectSuggestions('medtop:04').map((s) => s.code)).toEqual(['04000000']);
  });

  it('orders by use, then label; an empty prefix lists the most used', () => {
    const a = setup();
    const all = a.subjectSuggestions('');
    expect(all[0]).toEqual({ ...crime, uses: 3 });
    expect(all).toHaveLength(5);
    expect(a.subjectSuggestions('', 2)).toHaveLength(2);
  });

  it('folds case beyond ASCII', () => {
    const a = setup();
    expect(a.subjectSuggestions('KRIMINALITÄT').map((s) => s.label)).toEqual(['Kriminalität']);
  });

  it('sees a change committed by another connection (the app writes in one worker, suggests in another)', () => {
    const a = setup();
    expect(a.subjectSuggestions('weather')).toEqual([]);
    const other = Archive.open(t!.path);
    try {
      other.createArticle({ headline: 'Storm', subjects: [{ scheme: 'medtop', code: '06000000', label: 'weather' }] });
    } finally {
      other.close();
    }
    expect(a.subjectSuggestions('weather')).toEqual([{ scheme: 'medtop', code: '06000000', label: 'weather', uses: 1 }]);
  });

  it('treats wildcards in the typed text as text', () => {
    const a = setup();
    expect(a.subjectSuggestions('%')).toEqual([]);
    expect(a.subjectSuggestions('_')).toEqual([]);
    expect(a.subjectSuggestions('50%').map((s) => s.code)).toEqual(['50%_off']);
    expect(a.subjectSuggestions('sale_').map((s) => s.label)).toEqual(['sale_items']);
  });

  it('reflects edits: a subject no article carries any more is not offered', () => {
    const a = setup();
    const four = a.search('Four').hits[0]!;
    a.save({ id: four.id, baseVersion: a.getArticle(four.id).version, fields: { subjects: [] } });
    expect(a.subjectSuggestions('sale')).toEqual([]);
  });
});
