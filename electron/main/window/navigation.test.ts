// The window's URL decisions (guards.ts applies them): only our own page loads
// in the window, and only http(s)/mailto links leave for the system's apps.
import { describe, expect, it } from 'vitest';
import { decideNavigation, decideRedirect, decideWindowOpen, isOwnPage } from './navigation.ts';

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
