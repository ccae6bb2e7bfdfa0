// Newest-first paging by id, as the audit log and the dead letters are read: the stack of
// "before" cursors walked so far, and the ← Newer / Older → buttons that walk it.
import { useState } from 'react';

export interface IdPages {
  /** The id the current page lies before; undefined on the newest page. */
  cursor: string | undefined;
  atNewest: boolean;
  newer: () => void;
  older: (lastId: string | undefined) => void;
}

export const useIdPages = (): IdPages => {
  const [before, setBefore] = useState<string[]>([]);
  return {
    cursor: before[before.length - 1],
    atNewest: before.length === 0,
    newer: () => setBefore((b) => b.slice(0, -1)),
    older: (lastId) => {
      if (lastId) setBefore((b) => [...b, lastId]);
    },
  };
};

interface Props {
  pages: IdPages;
  /** The rows on this page: a short page is the oldest. */
  rows: readonly { id: string }[];
  pageSize: number;
  testIdPrefix: string;
}

export function NewerOlderPager({ pages, rows, pageSize, testIdPrefix }: Props) {
  return (
    <div className="pager">
      <button
        type="button"
        data-testid={`${testIdPrefix}-newer`}
        disabled={pages.atNewest}
        onClick={pages.newer}
      >
        ← Newer
      </button>
      <button
        type="button"
        data-testid={`${testIdPrefix}-older`}
        disabled={rows.length < pageSize}
        onClick={() => pages.older(rows[rows.length - 1]?.id)}
      >
        Older →
      </button>
    </div>
  );
}
