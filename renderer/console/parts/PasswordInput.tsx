// A password box for the console's forms: the browser's password manager is told whether it holds
// the current password or a new one (autoComplete), and Field's a11y props tie it to its message.
interface Props {
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  a11y: {
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
    'data-testid': string;
  };
}

export function PasswordInput({ value, onChange, autoComplete, a11y }: Props) {
  return (
    <input
      type="password"
      autoComplete={autoComplete}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...a11y}
    />
  );
}
