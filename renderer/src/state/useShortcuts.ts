// Global function-key shortcuts. They stand down while a dialog is open: the dialog owns the keys.
import { useEffect, useRef } from 'react';
import { isDialogOpen } from '../components/Dialog';

/** Keys are KeyboardEvent.key values, optionally prefixed "Ctrl+" (e.g. "F10", "Ctrl+Enter"). */
export type ShortcutMap = Record<string, () => void>;

export const shortcutName = (e: KeyboardEvent): string =>
  `${e.ctrlKey || e.metaKey ? 'Ctrl+' : ''}${e.key}`;

export const useShortcuts = (map: ShortcutMap, enabled = true): void => {
  const current = useRef(map);
  current.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = current.current[shortcutName(e)];
      if (!action) return;
      // Keep the browser's own meaning of the key (F5 reload, F7 caret browsing) away even while a
      // dialog is open; the action itself only runs when no dialog owns the keyboard.
      if (e.key.startsWith('F')) e.preventDefault();
      if (isDialogOpen()) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
};
