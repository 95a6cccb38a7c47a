// Bodies built without an editor must be exactly what a Lexical editor with
// the shared registry reads and writes back, or the renderer would rewrite
// every imported article on first open.
import { createHeadlessEditor } from '@lexical/headless';
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs, bodyState, heading, horizontalRule, linkNode, list, paragraph, quote, textNode } from './build.ts';
import { EDITOR_NODES } from './nodes.ts';
import { bodyToPlainText, countCharacters, countWords } from './plainText.ts';
import { type BodyState, TEXT_FORMAT } from './serialized.ts';

function roundTrip(body: BodyState): unknown {
  const editor = createHeadlessEditor({ nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
  const state = editor.parseEditorState(JSON.stringify(body));
  editor.setEditorState(state);
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()));
}

describe('body builders', () => {
  it('builds every node type so a headless editor reads it back unchanged', () => {
    const body = bodyState([
      heading('h2', 'Section head'),
      paragraph([
        textNode('plain '),
        textNode('bold', TEXT_FORMAT.bold),
        textNode(' and '),
        textNode('both', TEXT_FORMAT.bold | TEXT_FORMAT.italic),
        textNode(' '),
        linkNode('https://example.com/a', [textNode('a link')]),
      ]),
      paragraph('line one\nline two'),
      quote('A quotation.'),
      list('bullet', ['first', 'second']),
      list('number', ['one', 'two'], 1),
      horizontalRule(),
      paragraph('The end.'),
    ]);
    expect(roundTrip(body)).toEqual(body);
  });

  it('drops empty paragraphs from plain text input', () => {
    const body = bodyFromParagraphs(['First.', '', '  ', 'Second.']);
    expect(body.root.children).toHaveLength(2);
    expect(roundTrip(body)).toEqual(body);
  });
});

describe('plain text and counts', () => {
  it('joins blocks with blank lines and list items with newlines', () => {
    const body = bodyState([heading('h3', 'Head'), paragraph('Body text.'), list('bullet', ['a', 'b']), horizontalRule(), quote('Q')]);
    expect(bodyToPlainText(body)).toBe('Head\n\nBody text.\n\na\nb\n\nQ');
  });

  it('counts English and Korean by spaced words and Japanese/Chinese by character', () => {
    expect(countWords("The mayor's plan, e-mail and 3.5 percent.")).toBe(7);
    expect(countWords('북한 김정은이 신년사를 발표했다')).toBe(4);
    expect(countWords('東京都知事選挙')).toBe(7);
    expect(countWords('G20 首脳会議')).toBe(5);
    expect(countWords('')).toBe(0);
    expect(countCharacters('한국어 😀')).toBe(5);
  });
});
