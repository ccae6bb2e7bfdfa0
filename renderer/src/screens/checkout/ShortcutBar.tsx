interface Action {
  key: string;
  label: string;
  run: () => void;
  testId: string;
  primary?: boolean;
  disabled?: boolean;
}

/** The checkout's actions as large buttons, each showing its key. */
export function ShortcutBar({ actions }: { actions: Action[] }) {
  return (
    <div className="shortcut-bar">
      {actions.map((a) => (
        <button
          key={a.testId}
          type="button"
          className={a.primary ? 'btn-primary shortcut' : 'shortcut'}
          data-testid={a.testId}
          disabled={a.disabled}
          onClick={a.run}
        >
          <span>{a.label}</span>
          {a.key && <kbd>{a.key}</kbd>}
        </button>
      ))}
    </div>
  );
}
