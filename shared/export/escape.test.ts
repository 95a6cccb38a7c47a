import { describe, expect, it } from 'vitest';
import { escapeHtmlAttr, escapeHtmlText, isoDateTime, jsonForScript, languageTag, safeHref } from './escape.ts';
import { yamlString } from './frontMatter.ts';
import { escapeMarkdown } from './markdown.ts';
import { displayTime } from './document.ts';

describe('safeHref', () => {
  it.each([
    ['https://example.com/a b', 'https://example.com/a%20b'],
    ['HTTP://Example.com', 'http://example.com/'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['tel:+82-2-123-4567', 'tel:+82-2-123-4567'],
    ['  https://example.com/x  ', 'https://example.com/x'],
  ])('keeps %s', (raw, href) => expect(safeHref(raw)).toBe(href));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative/path',
    'ftp://example.com',
    '',
    'http://',
  ])('drops %j', (raw) => expect(safeHref(raw)).toBeNull());
});

describe('escaping', () => {
  it('escapes text and attributes and drops control characters', () => {
    expect(escapeHtmlText('a<b>&"\u0000\u0007c')).toBe('a&lt;b&gt;&amp;"c');
    expect(escapeHtmlAttr('"><script>')).toBe('&quot;&gt;&lt;script&gt;');
  });

  it('JSON for a script element cannot spell </script and parses back to the same value', () => {
    const value = { headline: '</script><script>alert(1)</script><!-- &amp; \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('YAML strings are double-quoted with escapes', () => {
    expect(yamlString('a "b" \\ \n c')).toBe('"a \\"b\\" \\\\ \\n c"');
    expect(yamlString('x\u2028y')).toBe('"x\\u2028y"');
  });

  it('Markdown escapes what would become markup', () => {
    expect(escapeMarkdown('<script> *a* _b_ [c](d) `e` ~f~ &amp; AT&T', false)).toBe(
      '\\<script\\> \\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\~f\\~ \\&amp; AT&T',
    );
    expect(escapeMarkdown('# not a heading', true)).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list', true)).toBe('1\\. not a list');
    expect(escapeMarkdown('- not a list', true)).toBe('\\- not a list');
    expect(escapeMarkdown('# mid-line is fine', false)).toBe('# mid-line is fine');
  });
});

describe('dates and languages', () => {
  it('accepts ISO dates only', () => {
    expect(isoDateTime('2019-01-09T07:31:00+09:00')).toBe('2019-01-09T07:31:00+09:00');
    expect(isoDateTime('2019-01-09')).toBe('2019-01-09');
    expect(isoDateTime('"><script>')).toBeNull();
    expect(isoDateTime('2019-13-45')).toBeNull();
    expect(isoDateTime(null)).toBeNull();
  });

  it('shows the source wall-clock time', () => {
    expect(displayTime('2019-01-09T07:31:00+09:00')).toBe('2019-01-09 07:31 +09:00');
    expect(displayTime('2019-01-09T07:31:00Z')).toBe('2019-01-09 07:31 UTC');
    expect(displayTime('2019-01-09')).toBe('2019-01-09');
  });

  it('accepts BCP 47 tags only', () => {
    expect(languageTag('ko')).toBe('ko');
    expect(languageTag('zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(languageTag('en" onload="x')).toBeNull();
  });
});
