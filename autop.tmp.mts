import { autop } from './electron/archive/import/parsers/wxr.ts';
console.log(JSON.stringify(autop('First line\nsecond line.\n\nNext <b>paragraph</b>.\n<hr>\nAfter the rule.\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<!-- wp:paragraph --><p>Gutenberg block.</p><!-- /wp:paragraph -->')));
console.log(JSON.stringify(autop('By Tester\nHarare.\n<hr>\nBla bla test')));
