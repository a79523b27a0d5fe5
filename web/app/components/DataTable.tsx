import { useState, type ReactNode } from 'react';

export type Column<T> = {
  key: string;
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** What the column sorts by; a column without it cannot be sorted. */
  sortValue?: (row: T) => string | number;
  render: (row: T) => ReactNode;
};

type Sort = { key: string; descending: boolean };

/**
 * A DSFR table with a caption, its sortable columns announced by `aria-sort` and sorted by a button in their header
 * (keyboard usable). Sorting orders the rows shown.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, initialSort, footer }: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort?: Sort;
  footer?: ReactNode;
}) {
  const [sort, setSort] = useState<Sort | null>(initialSort ?? null);
  const column = columns.find((c) => c.key === sort?.key);
  const sorted = column?.sortValue ? [...rows].sort((a, b) => {
    const x = column.sortValue!(a);
    const y = column.sortValue!(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr');
    return sort!.descending ? -order : order;
  }) : rows;
  const toggle = (key: string, numeric?: boolean) => setSort((s) => (s?.key === key
    ? { key, descending: !s.descending } : { key, descending: !!numeric }));
  return (
    <div className="fr-table">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((c) => {
                    const current = sort?.key === c.key;
                    const ariaSort = current ? (sort!.descending ? 'descending' : 'ascending') : c.sortValue ? 'none' : undefined;
                    return (
                      <th key={c.key} scope="col" aria-sort={ariaSort} className={c.numeric ? 'maillage-numeric' : undefined}>
                        {c.sortValue ? (
                          <div className="fr-cell--sort">
                            <span>{c.label}</span>
                            <button type="button" onClick={() => toggle(c.key, c.numeric)}
                              className={`fr-btn fr-btn--sm ${current ? (sort!.descending ? 'fr-btn--sort-desc' : 'fr-btn--sort-asc') : 'fr-btn--sort'}`}>
                              Trier par {c.label.toLowerCase()}{current ? (sort!.descending ? ' (décroissant)' : ' (croissant)') : ''}
                            </button>
                          </div>
                        ) : c.label}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {sorted.map((row) => (
                  <tr key={rowKey(row)}>
                    {columns.map((c, i) => (i === 0
                      ? <th key={c.key} scope="row" className="maillage-row-header">{c.render(row)}</th>
                      : <td key={c.key} className={c.numeric ? 'maillage-numeric' : undefined}>{c.render(row)}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
      {footer}
    </div>
  );
}
