/**
 * Last-resort clean-up when the bench is interrupted or hangs: whatever each figure registered
 * (Chromium processes by PID, temporary folders) is undone synchronously, because an async
 * `finally` never runs after SIGINT or process.exit().
 */
type Undo = () => void;

const pending = new Set<Undo>();

export function onAbort(undo: Undo): () => void {
  pending.add(undo);
  return () => void pending.delete(undo);
}

export function runAbortHandlers(): void {
  for (const undo of [...pending]) {
    try {
      undo();
    } catch {
      // Keep undoing the rest.
    }
  }
  pending.clear();
}
