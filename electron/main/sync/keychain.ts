// The shared archive's password, kept by the OS keychain through Electron's
// safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on
// Linux): only the encrypted bytes are written, beside the app's settings,
// never into the archive. Without an encryption backend nothing is written
// and the app asks again next time.
import { safeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Keychain } from './controller.ts';

export function safeStorageKeychain(file: string): Keychain {
  const read = (): Record<string, string> => {
    try {
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    save(name, password) {
      if (!safeStorage.isEncryptionAvailable()) return false;
      const all = read();
      all[name] = safeStorage.encryptString(password).toString('base64');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(all), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
      return true;
    },
    load(name) {
      const stored = read()[name];
      if (!stored || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null;
      }
    },
  };
}
