import { formatInteger } from '../format';

export type LabelCount = { code?: string; label: string; count: number };

/** Counts by label as a DSFR table, each with a bar (the figure is written too: nothing by length alone). */
export function BarTable({ caption, rows, unit, empty }: { caption: string; rows: LabelCount[]; unit: string; empty: string }) {
  if (rows.length === 0) {
    return <p className="fr-mb-4w"><strong>{caption}</strong> : {empty}</p>;
  }
  const max = Math.max(...rows.map((r) => r.count), 1);
  return (
    <div className="fr-table maillage-bars">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr><th scope="col">Libellé</th><th scope="col">{unit}</th></tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.code ?? r.label}>
                    <th scope="row" className="maillage-row-header">{r.label}</th>
                    <td className="maillage-bar-cell">
                      <span className="maillage-bar" style={{ width: `${Math.max(2, (r.count / max) * 6)}rem` }} aria-hidden="true" />{' '}
                      {formatInteger(r.count)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
