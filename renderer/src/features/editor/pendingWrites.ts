// The last write an editor started as it closed (its unmount flush), by
// article id. Opening the same article again waits for it, so a tab closed
// and reopened at once never loads the copy from before the flush (and then
// meets its own write as a version conflict).
const pending = new Map<string, Promise<unknown>>();

export function trackClosingWrite(articleId: string, write: Promise<unknown>): void {
  pending.set(articleId, write);
  const forget = () => {
    if (pending.get(articleId) === write) pending.delete(articleId);
  };
  write.then(forget, forget);
}

export function closingWriteSettled(articleId: string): Promise<void> {
  const write = pending.get(articleId);
  return write ? write.then(() => undefined, () => undefined) : Promise.resolve();
}
