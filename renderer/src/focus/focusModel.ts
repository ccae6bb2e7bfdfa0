// The till's one focus model, for a till used without a mouse: the scan field (marked
// data-focus-home) is the home position; a dialog remembers the element that had the focus when it
// opened and gives the focus back to it when it closes (or home, when that element is gone); and
// focus that falls to the page while a dialog is open goes back into the dialog. Without this, a
// closed or re-rendered dialog left the focus on <body>, where Esc, typing and the dialog's keys
// did nothing until a click.

/** The attribute that marks the home field (the checkout's scan field). */
export const FOCUS_HOME_ATTR = 'data-focus-home';

const FOCUSABLE = ':is(input, select, textarea, button, [tabindex]):not(:disabled)';

const isUsable = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement &&
  el.isConnected &&
  !(el as HTMLInputElement).disabled &&
  el !== document.body &&
  // An element inside a dialog that is still hidden behind another one is not a place to return to.
  el.getClientRects().length > 0;

/** The element that has the focus now, if it is a real control (not the page itself). */
export const currentFocus = (): HTMLElement | null => {
  const el = document.activeElement;
  return isUsable(el) ? el : null;
};

/** Puts the focus on the home field, if this screen has one. Answers whether it did. */
export const focusHome = (): boolean => {
  const home = document.querySelector<HTMLElement>(`[${FOCUS_HOME_ATTR}]`);
  if (!isUsable(home)) return false;
  home.focus();
  return document.activeElement === home;
};

/** True while the focus rests on nothing (the page body), so keys reach no control. */
export const focusIsLost = (): boolean =>
  document.activeElement === null || document.activeElement === document.body;

/**
 * Focuses the first field of a dialog panel ([data-autofocus] first), or, while its body has none
 * yet (a list still loading), the panel itself so its Esc still works. Answers whether a field
 * took it.
 */
export const focusFirstIn = (panel: HTMLElement): boolean => {
  const first =
    panel.querySelector<HTMLElement>('[data-autofocus]') ??
    panel.querySelector<HTMLElement>(`.dialog-body ${FOCUSABLE}`);
  (first ?? panel).focus();
  return first !== null;
};

/**
 * Gives the focus back after a dialog closed: to `opener` when it can still take it, otherwise
 * to the topmost dialog still open, otherwise home. Runs after the render that removed the dialog.
 */
export const restoreFocus = (opener: HTMLElement | null): void => {
  window.setTimeout(() => {
    if (!focusIsLost()) return; // someone (the next dialog, a screen) already placed it
    if (isUsable(opener)) {
      opener.focus();
      if (document.activeElement === opener) return;
    }
    const panels = document.querySelectorAll<HTMLElement>('[role="dialog"]');
    const top = panels[panels.length - 1];
    if (top) focusFirstIn(top);
    else focusHome();
  }, 0);
};
