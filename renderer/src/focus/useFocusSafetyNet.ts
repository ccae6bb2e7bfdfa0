// The focus model's safety net: a key pressed while the focus rests on the page itself (a control
// that had it was removed or disabled) first puts the focus back where keys work: into the open
// dialog, or home to the scan field. The key itself then reaches that control.
import { useEffect } from 'react';
import { focusFirstIn, focusHome, focusIsLost } from './focusModel';

export const useFocusSafetyNet = (): void => {
  useEffect(() => {
    const onKey = () => {
      if (!focusIsLost()) return;
      const panels = document.querySelectorAll<HTMLElement>('[role="dialog"]');
      const top = panels[panels.length - 1];
      if (top) focusFirstIn(top);
      else focusHome();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
};
