// The window's URL decisions (guards.ts applies them): only our own page loads
// in the window, and only http(s)/mailto links leave for the system's apps.
import { describe, expect, it } from 'vitest';
import { decideFrameNavigation, decideNavigation, decideRedirect, decideWindowOpen, isOwnPage } from './navigation.ts';

describe('window URL decisions', () => {
  it('lets our own page reload and nothing else load', () => {
    expect(decideNavigation('app://copydesk/index.html')).toEqual({ navigate: true, external: null });
    for (const url of ['app://copydesk.evil/', 'app://copydesk@evil.example/', 'file:///etc/passwd', 'https://example.com/', 'about:blank', 'not a url']) {
      expect(decideNavigation(url).navigate, url).toBe(false);
      expect(decideWindowOpen(url).navigate, url).toBe(false);
      expect(decideRedirect(url).navigate, url).toBe(false);
      expect(isOwnPage(url), url).toBe(false);
    }
  });

  it('hands only http(s) and mailto links to the system, never on a redirect', () => {
    expect(decideNavigation('https://example.com/a').external).toBe('https://example.com/a');
    expect(decideWindowOpen('mailto:desk@example.com').external).toBe('mailto:desk@example.com');
    expect(decideRedirect('https://example.com/a').external).toBeNull();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://h/s', 'http://u:p@example.com/', '\\\\server\\share']) {
      expect(decideNavigation(url).external, url).toBeNull();
      expect(decideWindowOpen(url).external, url).toBeNull();
    }
  });
});

describe('links in sub-frames (the export preview)', () => {
  it('go nowhere and open nothing, whatever the URL; only the frame’s own srcdoc loads', () => {
    expect(decideFrameNavigation('about:srcdoc', false)).toEqual({ navigate: true, external: null });
    for (const url of ['https://example.org/story', 'http://example.com/', 'mailto:desk@example.com', 'app://copydesk/index.html', 'about:blank', 'javascript:alert(1)', 'file:///etc/passwd', 'chrome-error://chromewebdata/']) {
      expect(decideFrameNavigation(url, false), url).toEqual({ navigate: false, external: null });
    }
  });

  it('leave the main frame to the window’s own decision', () => {
    expect(decideFrameNavigation('app://copydesk/index.html', true)).toEqual(decideNavigation('app://copydesk/index.html'));
    expect(decideFrameNavigation('https://example.org/story', true)).toEqual({ navigate: false, external: 'https://example.org/story' });
    expect(decideFrameNavigation('about:srcdoc', true).navigate).toBe(false);
  });
});

describe('mailto links', () => {
  it('keep their addresses and lose their query and fragment', () => {
    expect(decideWindowOpen('mailto:desk@example.com?subject=Hi&body=x&attach=/etc/passwd').external).toBe('mailto:desk@example.com');
    expect(decideNavigation('mailto:a@example.com,b@example.com?cc=c@example.com#x').external).toBe('mailto:a@example.com,b@example.com');
    expect(decideWindowOpen('mailto:?to=desk@example.com&attach=~/.ssh/id_rsa').external).toBeNull();
  });
});
