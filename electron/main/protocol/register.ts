// The app:// protocol: privileged (standard, secure) so the page gets a real
// origin, and served with the CSP header. Pages never load from file://.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from './csp.ts';
import { APP_SCHEME, mimeType, resolveAppFile } from './files.ts';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererRoot);
    if (file === null) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  });
}
