// The primary button in a table card's header ("Add store", "Add till", "Add account").
interface Props {
  label: string;
  testId: string;
  onClick: () => void;
}

export function CardAction({ label, testId, onClick }: Props) {
  return (
    <button
      type="button"
      className="btn-primary console-card-action"
      data-testid={testId}
      onClick={onClick}
    >
      {label}
    </button>
  );
}
