// A click inside the preview frame moves keyboard focus into the frame's own
// document, which has no scripts and where this page hears no keys: Escape
// would stop closing the dialog. When focus goes into the frame by pointer, it
// comes straight back to `target` (the preview's section), so Escape, Tab and
// the dialog's keys keep working; focus that goes in by Tab stays, so a
// keyboard reader can still scroll the preview (Shift+Tab leaves it).
import { type RefObject, useEffect } from 'react';

const TAB_WINDOW_MS = 300;

export function useFrameFocusReturn(frame: RefObject<HTMLIFrameElement | null>, target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let lastTab = -Infinity;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') lastTab = performance.now();
    };
    const onBlur = () => {
      // The page loses focus to the frame (or to another app): look once focus has settled.
      setTimeout(() => {
        if (document.activeElement !== frame.current || frame.current === null) return;
        if (performance.now() - lastTab < TAB_WINDOW_MS) return;
        target.current?.focus({ preventScroll: true });
      }, 0);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', onBlur);
    };
  }, [frame, target]);
}
