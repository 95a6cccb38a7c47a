// Class names Lexical puts on the body's DOM. Plain semantic classes; the look
// lives in editor.css, never in the stored JSON.
import type { EditorThemeClasses } from 'lexical';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'cd-p',
  heading: { h1: 'cd-h2', h2: 'cd-h2', h3: 'cd-h3', h4: 'cd-h4', h5: 'cd-h4', h6: 'cd-h4' },
  quote: 'cd-quote',
  list: { ul: 'cd-ul', ol: 'cd-ol', listitem: 'cd-li', nested: { listitem: 'cd-li-nested' } },
  link: 'cd-link',
  hr: 'cd-hr',
  text: {
    bold: 'cd-bold',
    italic: 'cd-italic',
    underline: 'cd-underline',
    strikethrough: 'cd-strike',
    underlineStrikethrough: 'cd-underline-strike',
  },
};
