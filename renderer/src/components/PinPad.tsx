// A numeric keypad for PINs: large touch targets, and the physical keyboard works too (the input
// keeps the focus).
import { useEffect, useRef } from 'react';
import { FOCUS_HOME_ATTR } from '../focus/focusModel';

interface Props {
  value: string;
  onChange: (pin: string) => void;
  onSubmit: () => void;
  testId: string;
  disabled?: boolean;
  /** The screen's focus home (the login screen's PIN): keys typed on the page come back here. */
  home?: boolean;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'enter'] as const;

export function PinPad({ value, onChange, onSubmit, testId, disabled, home }: Props) {
  const input = useRef<HTMLInputElement>(null);
  // Focus on mount and again when re-enabled (a disabled input loses focus while a PIN is
  // checked, and the next try would otherwise type into nothing).
  useEffect(() => {
    if (!disabled) input.current?.focus();
  }, [disabled]);

  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'clear') onChange('');
    else if (key === 'enter') onSubmit();
    else if (value.length < 8) onChange(value + key);
    input.current?.focus();
  };

  return (
    <div className="pinpad">
      <input
        ref={input}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        aria-label="PIN"
        data-testid={testId}
        {...(home ? { [FOCUS_HOME_ATTR]: '' } : {})}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 8))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      <div className="pinpad-keys">
        {KEYS.map((k) => (
          <button
            key={k}
            type="button"
            className={k === 'enter' ? 'btn-primary pinpad-key' : 'pinpad-key'}
            disabled={disabled}
            onClick={() => press(k)}
          >
            {k === 'clear' ? 'Clear' : k === 'enter' ? 'Enter' : k}
          </button>
        ))}
      </div>
    </div>
  );
}
