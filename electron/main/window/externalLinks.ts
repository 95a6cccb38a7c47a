// A link leaving the app (a click on a link in an article, target=_blank) is
// a decision of the user's, not the page's: main asks in a native dialog that
// shows the whole normalized URL, and opens it only on "Open". One question at
// a time: a page that fires links in a loop gets one dialog, the rest are
// refused and logged. Electron-free (guards.ts gives it the dialog and shell).
import type { Logger } from '../ipc/types.ts';
import type { UrlDecision } from './navigation.ts';

export interface ExternalPrompt {
  /** The URL that will open, exactly (punycode host, mailto without its query). */
  url: string;
  message: string;
  detail: string;
  /** [open, cancel]; cancel is the default and what Escape answers. */
  buttons: readonly [string, string];
}

export function externalPrompt(url: string): ExternalPrompt {
  const mail = url.startsWith('mailto:');
  return {
    url,
    message: mail ? 'Write an email from this link?' : 'Open this link in your browser?',
    detail: `${url}\n\nThe link comes from the article's text. Copydesk opens it outside the app only if you choose ${mail ? 'Write Email' : 'Open Link'}.`,
    buttons: [mail ? 'Write Email' : 'Open Link', 'Cancel'],
  };
}

export interface ExternalLinkDeps {
  confirm(prompt: ExternalPrompt): Promise<boolean>;
  open(url: string): Promise<void>;
  log: Logger;
}

export type OutsideOutcome = 'opened' | 'declined' | 'refused' | 'busy';

export class ExternalLinks {
  private asking = false;

  constructor(private readonly deps: ExternalLinkDeps) {}

  /** Carry out a decision's outside part: a safe link opens after the user agrees; anything else is refused and logged. */
  async open(decision: UrlDecision, requested: string): Promise<OutsideOutcome> {
    if (decision.external === null) {
      this.deps.log.warn('refused to open a link outside the app', requested.slice(0, 200));
      return 'refused';
    }
    if (this.asking) {
      this.deps.log.warn('refused a link while another is waiting for an answer', requested.slice(0, 200));
      return 'busy';
    }
    this.asking = true;
    try {
      if (!(await this.deps.confirm(externalPrompt(decision.external)))) return 'declined';
      await this.deps.open(decision.external);
      return 'opened';
    } finally {
      this.asking = false;
    }
  }
}
