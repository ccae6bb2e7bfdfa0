// The search box over a list of products (the Products and Stock screens): focused on arrival,
// the same hint, and each change hands back the text so the screen starts again at page one.
interface Props {
  /** The box's accessible name ("Search products", "Search stock"). */
  label: string;
  value: string;
  onChange: (query: string) => void;
}

export function ProductSearchBox({ label, value, onChange }: Props) {
  return (
    <input
      autoFocus
      placeholder="Search name, SKU or barcode"
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
