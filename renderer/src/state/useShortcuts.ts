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
      if (e.defaultPrevented || isDialogOpen()) return;
      const action = current.current[shortcutName(e)];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
};
