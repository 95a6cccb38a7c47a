// A panel that replaces the control the user was on (the first-run page's
// import button, the progress panel's Cancel) takes the focus, so it never
// rests on <body>; one that appears while the user is elsewhere (typing a
// search during an import) leaves the focus alone. Call it from a layout
// effect: the focus moves in the same commit that removed the old control.
export function focusIfLost(target: HTMLElement | null): void {
  const active = document.activeElement;
  if (active === null || active === document.body || !active.isConnected) target?.focus();
}
