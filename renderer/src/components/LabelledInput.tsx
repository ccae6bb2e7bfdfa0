// A till form's text box inside its label (the label's words are its accessible name), handing
// back the typed text rather than the event: the Setup and Settings forms are lists of these.
import type { InputHTMLAttributes, ReactNode } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

interface Props extends InputProps {
  label: ReactNode;
  value: string;
  onChange: (text: string) => void;
  testId: string;
}

export function LabelledInput({ label, value, onChange, testId, ...input }: Props) {
  return (
    <label>
      {label}
      <input
        {...input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
