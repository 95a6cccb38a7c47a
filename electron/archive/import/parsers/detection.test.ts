// Which parser reads a file, from its content (the extension only breaks
// ties), and how sure each is. One describe per format: engineers adding a
// format add their rows in a describe of their own.
import { describe, expect, it } from 'vitest';
import { htmlParser } from './html.ts';
import { inputFromText } from './input.ts';
import { pickParser } from './registry.ts';

describe('html (web captures and simple pages)', () => {
  const page = '<!DOCTYPE html><html lang="en"><head><title>Harbour</title></head><body><nav>Home</nav><article><p>Story.</p></article></body></html>';
  it.each([
    // [what, content, path, html's confidence, parser chosen]
    ['a saved page, .html', page, '/c/story.html', 0.9, 'html'],
    ['a saved page without an extension', page, '/c/story', 0.8, 'html'],
    ['a saved page named .txt', page, '/c/story.txt', 0.8, 'html'],
    ['<html> with no doctype', '<html><body><p>x</p></body></html>', '/c/page', 0.8, 'html'],
    ['an HTML fragment, .htm', '<h1>Title</h1><p>Body.</p>', '/c/frag.htm', 0.9, 'html'],
    ['an XHTML file', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>', '/c/page.xhtml', 0.9, 'html'],
    ['text that mentions <html> later', 'Notes\n\nWe saved the page as <html> once.\n', '/c/notes.txt', 0, 'text'],
    ['NITF is not a page', '<?xml version="1.0"?><nitf><head><title>T</title></head><body><body.content><p>x</p></body.content></body></nitf>', '/c/wire.xml', 0, 'nitf'],
  ])('%s', (_what, content, path, confidence, chosen) => {
    const input = inputFromText(content, path);
    expect(htmlParser.detect(input)).toBe(confidence);
    expect(pickParser(input).name).toBe(chosen);
  });
});
