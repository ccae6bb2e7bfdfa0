// The From and To date boxes of a day range; each bounds the other (From no later than To), so
// the browser's picker cannot offer an empty range. The till's dashboard and the console's
// figures share them.
interface Props {
  from: string;
  to: string;
  onFrom: (day: string) => void;
  onTo: (day: string) => void;
  /** Test ids are `<prefix>-from` and `<prefix>-to`. */
  testIdPrefix: string;
}

export function DayRangeInputs({ from, to, onFrom, onTo, testIdPrefix }: Props) {
  return (
    <>
      <label>
        From
        <input
          type="date"
          value={from}
          max={to}
          data-testid={`${testIdPrefix}-from`}
          onChange={(e) => onFrom(e.target.value)}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={to}
          min={from}
          data-testid={`${testIdPrefix}-to`}
          onChange={(e) => onTo(e.target.value)}
        />
      </label>
    </>
  );
}
