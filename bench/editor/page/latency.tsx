// Keydown → DOM updated and painted: from the keydown event's own timestamp
// (so time spent queued behind other work counts) to a task posted right
// after the next animation frame, i.e. after Lexical's commit, its update
// listeners and React's re-render have run and the frame with the new
// character was produced.
declare global {
  interface Window {
    __latencies: number[];
    __ready: boolean;
  }
}

export function recordTypingLatency(): void {
  window.__latencies = [];
  document.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__latencies.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}
