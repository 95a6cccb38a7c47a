// A stand-in for window.copydesk in the bench page: answers the editor's
// calls at once, after a structuredClone of the payload (what Electron's IPC
// does to it in the renderer), so autosave's serialization cost stays in the
// measurement while the archive's (in another process) does not.
import type { ArticleForEditValue } from '../../../shared/contract/editor.ts';

export function installStubBridge(initial: ArticleForEditValue): void {
  let version = initial.article.version;
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const editor = {
    open: () => ok({ ...initial, article: { ...initial.article, version } }),
    create: () => ok(initial),
    autosave: (input: unknown) => {
      structuredClone(input);
      version += 1;
      return ok({ id: initial.article.id, version, modifiedAt: new Date().toISOString(), wordCount: 0, written: true, revisionId: null });
    },
    save: (input: unknown) => {
      structuredClone(input);
      return ok({ article: { ...initial.article, version }, revisionId: 1 });
    },
    saveOnTop: () => ok({ article: { ...initial.article, version }, revisionId: 1 }),
    history: () => ok({ revisions: [] }),
    diff: () => Promise.resolve({ ok: false as const, error: { code: 'unavailable' as const, message: 'bench' } }),
    restore: () => Promise.resolve({ ok: false as const, error: { code: 'unavailable' as const, message: 'bench' } }),
    setStatus: () => Promise.resolve({ ok: false as const, error: { code: 'unavailable' as const, message: 'bench' } }),
    nameRevision: () => Promise.resolve({ ok: false as const, error: { code: 'unavailable' as const, message: 'bench' } }),
  };
  Object.defineProperty(window, 'copydesk', { value: { editor }, configurable: true });
}
