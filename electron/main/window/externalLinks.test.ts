// A link leaves the app only after the user says yes in main's native dialog,
// which shows the exact URL; one question at a time.
import { describe, expect, it } from 'vitest';
import type { Logger } from '../ipc/types.ts';
import { ExternalLinks, externalPrompt, type ExternalPrompt } from './externalLinks.ts';
import { decideNavigation, decideWindowOpen } from './navigation.ts';

function links(answer: boolean | (() => Promise<boolean>)) {
  const asked: ExternalPrompt[] = [];
  const opened: string[] = [];
  const warned: string[] = [];
  const log: Logger = { info: () => undefined, warn: (m) => void warned.push(m), error: () => undefined };
  const l = new ExternalLinks({
    confirm: async (prompt) => {
      asked.push(prompt);
      return typeof answer === 'function' ? answer() : answer;
    },
    open: async (url) => void opened.push(url),
    log,
  });
  return { l, asked, opened, warned };
}

describe('links offered outside', () => {
  it('open only after a yes, showing the URL that will open', async () => {
    const no = links(false);
    expect(await no.l.open(decideNavigation('https://example.org/story?x=1'), 'https://example.org/story?x=1')).toBe('declined');
    expect(no.opened).toEqual([]);
    expect(no.asked.map((p) => [p.url, p.buttons])).toEqual([['https://example.org/story?x=1', ['Open Link', 'Cancel']]]);
    expect(no.asked[0]?.detail.startsWith('https://example.org/story?x=1\n')).toBe(true);
    const yes = links(true);
    expect(await yes.l.open(decideWindowOpen('https://xn--e1afmkfd.example/'), 'https://пример.example/')).toBe('opened');
    expect(yes.opened).toEqual(['https://xn--e1afmkfd.example/']);
  });

  it('ask about a mailto link without its query, and never about an unsafe URL', async () => {
    const yes = links(true);
    await yes.l.open(decideWindowOpen('mailto:desk@example.com?attach=/etc/passwd'), 'mailto:desk@example.com?attach=/etc/passwd');
    expect(yes.asked.map((p) => [p.url, p.message])).toEqual([['mailto:desk@example.com', 'Write an email from this link?']]);
    expect(yes.opened).toEqual(['mailto:desk@example.com']);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://u:p@example.com/']) {
      expect(await yes.l.open(decideWindowOpen(url), url), url).toBe('refused');
    }
    expect(yes.asked).toHaveLength(1);
    expect(yes.warned).toEqual(Array(3).fill('refused to open a link outside the app'));
  });

  it('ask one question at a time: links fired while one waits are refused and logged', async () => {
    let release: (v: boolean) => void = () => undefined;
    const pending = links(() => new Promise<boolean>((r) => (release = r)));
    const first = pending.l.open(decideWindowOpen('https://example.org/1'), 'https://example.org/1');
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => pending.l.open(decideWindowOpen(`https://example.org/${i}`), `https://example.org/${i}`)));
    expect(new Set(burst)).toEqual(new Set(['busy']));
    release(true);
    expect(await first).toBe('opened');
    expect(pending.asked).toHaveLength(1);
    expect(pending.opened).toEqual(['https://example.org/1']);
  });

  it('words the question by kind of link', () => {
    expect(externalPrompt('https://example.org/').buttons).toEqual(['Open Link', 'Cancel']);
    expect(externalPrompt('mailto:a@example.com').buttons).toEqual(['Write Email', 'Cancel']);
  });
});
