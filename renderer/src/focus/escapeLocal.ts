// Esc is local before it is global: inside a search field with text it clears the search; inside
// any other field with text it leaves the field (keeping what was typed or pasted); only a further
// Esc, with no text under the focus, goes back to the Sale screen. Before this, Esc in the product search
// or the CSV paste box jumped to the Sale screen and lost what was there. The scan field (the focus
// home) handles its own Esc and is never left.
import { FOCUS_HOME_ATTR } from './focusModel';

const SEARCH_FIELD = 'input[type="search"], input[data-esc-clears], input[aria-label^="Search"]';
const FIELD = 'input, textarea, select, [contenteditable="true"]';

/** Clears a React-controlled input the way typing would, so its onChange sees the change. */
const clearInput = (input: HTMLInputElement): void => {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

/** Handles Esc in the focused field; answers true when it did, so navigation must wait. */
export const escapeLocalField = (): boolean => {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || !el.matches(FIELD) || el.hasAttribute(FOCUS_HOME_ATTR))
    return false;
  const holdsText =
    (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.value !== '';
  if (!holdsText) return false; // nothing to lose: Esc navigates at once
  if (el instanceof HTMLInputElement && el.matches(SEARCH_FIELD)) clearInput(el);
  else el.blur();
  return true;
};
