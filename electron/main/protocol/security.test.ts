// The shell's pure security rules: what app:// serves, which links leave the
// app, what the CSP allows, and that windows get the locked-down preferences.
import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../window/externalUrl.ts';
import { secureWebPreferences } from '../window/webPreferences.ts';
import { cspHeader, cspMeta } from './csp.ts';
import { resolveAppFile } from './files.ts';

describe('app:// files', () => {
  const root = '/opt/copydesk/out/renderer';
  it('serves the renderer’s own files', () => {
    expect(resolveAppFile('app://copydesk/', root)).toBe(`${root}/index.html`);
    expect(resolveAppFile('app://copydesk/index.html', root)).toBe(`${root}/index.html`);
    expect(resolveAppFile('app://copydesk/assets/index-1.js?x=1#y', root)).toBe(`${root}/assets/index-1.js`);
  });
  it('never leaves the renderer folder', () => {
    for (const url of ['app://copydesk/../../etc/passwd', 'app://copydesk/%2e%2e/%2e%2e/etc/passwd', 'app://copydesk/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      const file = resolveAppFile(url, root);
      expect(file === null || file.startsWith(`${root}/`), `${url} → ${file}`).toBe(true);
    }
  });
  it('refuses other hosts, other schemes and strange paths', () => {
    for (const url of [
      'app://copydesk/..%5c..%5cwindows',
      'app://copydesk/a%00.js',
      'app://evil/index.html',
      'file:///etc/passwd',
      'https://copydesk/index.html',
      'app://copydesk/%E0%A4%A',
      'not a url',
    ]) {
      expect(resolveAppFile(url, root), url).toBeNull();
    }
  });
});

describe('external links', () => {
  it('open http(s) and mailto only, after parsing', () => {
    expect(safeExternalUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/');
    expect(safeExternalUrl('mailto:desk@example.com')).toBe('mailto:desk@example.com');
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'app://copydesk/x', 'smb://host/share', 'https://user:pw@example.com/', 'vbscript:x', ' ', 'example.com']) {
      expect(safeExternalUrl(url), url).toBeNull();
    }
  });
});

describe('content security policy', () => {
  it('allows scripts from self only, with no eval or inline script', () => {
    const header = cspHeader();
    expect(header).toContain("script-src 'self'");
    expect(header).toContain("default-src 'none'");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(cspMeta()).not.toContain('frame-ancestors');
    expect(cspMeta()).toContain("script-src 'self'");
  });
});

describe('web preferences', () => {
  it('lock every window down', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });
});
