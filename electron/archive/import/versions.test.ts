// The identity rules as tables: version order, provider notices, statuses,
// revision names, and "says nothing new".
import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../shared/model/article.ts';
import { compareVersions, fieldsToWrite, providerNotice, revisionName, sameFields, statusAfter, versionLabel } from './versions.ts';

describe('compareVersions', () => {
  it.each([
    [2, 1, 'newer'],
    [1, 1, 'same'],
    [1, 3, 'older'],
    [null, 4, 'newer'],
    [4, null, 'newer'],
    [null, null, 'same'],
  ] as const)('incoming %s against head %s is %s', (incoming, head, order) => {
    expect(compareVersions(incoming, head)).toBe(order);
  });
});

describe('providerNotice', () => {
  it.each([
    [{ pubStatus: 'canceled' as const }, 'killed'],
    [{ signals: ['kill'] }, 'killed'],
    [{ pubStatus: 'withheld' as const }, 'withheld'],
    [{ signals: ['update', 'withhold'] }, 'withheld'],
    [{ pubStatus: 'withheld' as const, signals: ['kill'] }, 'killed'],
    [{ pubStatus: 'usable' as const }, null],
    [{ signals: ['writethru'] }, null],
    [{}, null],
  ])('%j → %s', (fields, notice) => {
    expect(providerNotice(fields)).toBe(notice);
  });
});

describe('statusAfter', () => {
  const before = () => 'ready' as const;
  it.each([
    ['draft', null, 'draft'],
    ['published', null, 'published'],
    ['ready', 'withheld', 'withheld'],
    ['ready', 'killed', 'killed'],
    ['withheld', null, 'ready'],
    ['withheld', 'killed', 'killed'],
    ['killed', null, 'killed'],
    ['killed', 'withheld', 'killed'],
  ] as const)('%s + notice %s → %s', (current, notice, next) => {
    expect(statusAfter(current, notice, before)).toBe(next);
  });
});

describe('revision names', () => {
  it.each([
    [{ signals: ['writethru'] }, 2, 'Writethru 2'],
    [{ signals: ['update'] }, 3, 'Update 3'],
    [{ signals: ['correction'] }, 4, 'Correction'],
    [{ signals: ['update', 'correction'] }, 4, 'Correction'],
    [{ signals: ['kill'] }, 5, 'Kill'],
    [{ pubStatus: 'canceled' as const }, 5, 'Kill'],
    [{ pubStatus: 'withheld' as const }, null, 'Withhold'],
    [{ signals: ['writethru'] }, null, 'Writethru'],
    [{}, 6, 'Version 6'],
    [{}, null, null],
  ])('%j version %s → %s', (fields, version, label) => {
    expect(versionLabel(fields, version)).toBe(label);
  });

  it('names each kind of arrival', () => {
    expect(revisionName('first', {}, 1, null)).toBeNull();
    expect(revisionName('first', {}, null, null)).toBeNull();
    expect(revisionName('first', {}, 3, null)).toBe('Version 3');
    expect(revisionName('first', { signals: ['kill'] }, 1, null)).toBe('Kill');
    expect(revisionName('newer', { signals: ['writethru'] }, 2, 1)).toBe('Writethru 2');
    expect(revisionName('newer', {}, null, null)).toBe('New version');
    expect(revisionName('resent', {}, 2, 2)).toBe('Version 2 (re-sent with changes)');
    expect(revisionName('older', {}, 2, 3)).toBe('Version 2 (arrived after version 3; kept in history)');
    expect(revisionName('older', { signals: ['correction'] }, 2, 3)).toBe('Correction (arrived after version 3; kept in history)');
  });
});

describe('sameFields compares every field the parser gave', () => {
  const current = { ...emptyFields(), headline: 'Storm closes port', urgency: 3, subjects: [{ scheme: 'medtop', code: '20000106', label: 'crime' }] };
  it.each([
    [{ headline: 'Storm closes port' }, true],
    [{ headline: 'Storm closes port', urgency: 3 }, true],
    [{ urgency: 2 }, false],
    [{ embargoedUntil: '2026-05-01T10:00:00+02:00' }, false],
    [{ subjects: [{ label: 'crime', code: '20000106', scheme: 'medtop' }] }, true],
    [{ subjects: [{ scheme: 'medtop', code: '20000107', label: 'crime' }] }, false],
    [{ located: { name: 'Hamburg', countryCode: 'DE' } }, false],
    [{ dek: 'A new dek' }, false],
    // Compared by the content hash, derived, or decided elsewhere: never here.
    [{ headline: 'Storm Closes Port', slug: 'other-slug', status: 'killed' as const }, true],
  ])('%j → %s', (given, same) => {
    expect(sameFields(current, given)).toBe(same);
  });
});

describe('fieldsToWrite', () => {
  it('drops the slug and an empty headline, keeps everything else', () => {
    expect(fieldsToWrite({ headline: '', slug: 'x', urgency: 1, dek: '' })).toEqual({ urgency: 1, dek: '' });
    expect(fieldsToWrite({ headline: 'A' })).toEqual({ headline: 'A' });
  });
});
