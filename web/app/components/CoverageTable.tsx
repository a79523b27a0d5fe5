import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { formatInteger, STATUS_LABELS, territoryPath } from '../format';
import type { Indicator, TerritoryCoverage } from '../coverage';

type SortKey = 'name' | 'indicator' | 'population' | 'advisers' | 'coordinators' | 'places' | 'status';
type Sort = { key: SortKey; descending: boolean };

const STATUS_RANK: Record<string, number> = { NOT_COVERED: 0, PARTLY_COVERED: 1, COVERED: 2 };
const STATUS_BADGES: Record<string, string> = {
  COVERED: 'fr-badge--success', PARTLY_COVERED: 'fr-badge--warning', NOT_COVERED: 'fr-badge--error',
};

/**
 * Territories with their coverage figures, the chosen indicator beside a bar, sortable by each column (the header's
 * button; `aria-sort` says the order); each name leads to the territory's page. The map's accessible alternative.
 */
export function CoverageTable({ rows, level, indicator, caption, levelLabel }: {
  rows: TerritoryCoverage[]; level: string; indicator: Indicator; caption: string; levelLabel: string;
}) {
  const [sort, setSort] = useState<Sort>({ key: 'population', descending: true });
  const sorted = useMemo(() => {
    const value = (row: TerritoryCoverage): number | string => {
      switch (sort.key) {
        case 'name': return row.territory.name;
        case 'indicator': return indicator.value(row) ?? -1;
        case 'status': return STATUS_RANK[row.status] ?? -1;
        default: return row[sort.key];
      }
    };
    const order = (a: TerritoryCoverage, b: TerritoryCoverage): number => {
      const x = value(a);
      const y = value(b);
      const compared = typeof x === 'string' && typeof y === 'string'
        ? x.localeCompare(y, 'fr') : (x as number) - (y as number);
      // ties: largest population first, as the service sends them
      return (sort.descending ? -compared : compared) || b.population - a.population;
    };
    return [...rows].sort(order);
  }, [rows, sort, indicator]);
  const largest = useMemo(() => Math.max(indicator.scaleMax ?? 0, ...rows.map((r) => indicator.value(r) ?? 0)), [rows, indicator]);

  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    const next = active ? !sort.descending : key !== 'name';
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
        className={numeric ? 'fr-cell--right' : undefined}>
        <div className="fr-cell--sort">
          {label}
          <button type="button" className={`fr-btn--sort fr-btn fr-btn--sm${active ? (sort.descending ? ' fr-btn--sort-desc' : ' fr-btn--sort-asc') : ''}`}
            onClick={() => setSort({ key, descending: next })}>
            Trier par {label.toLowerCase()}, {next ? 'ordre décroissant' : 'ordre croissant'}
          </button>
        </div>
      </th>
    );
  };

  return (
    <div className="fr-table fr-table--sm">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {header('name', levelLabel)}
                  {header('indicator', indicator.column, true)}
                  {header('population', 'Population', true)}
                  {header('advisers', 'Conseillers', true)}
                  {header('coordinators', 'Coordinateurs', true)}
                  {header('places', 'Lieux', true)}
                  {header('status', 'Couverture')}
                </tr>
              </thead>
              <tbody>
                {sorted.map((row) => {
                  const value = indicator.value(row);
                  return (
                    <tr key={row.territory.code}>
                      <td>
                        <Link href={territoryPath(level, row.territory.code)}>{row.territory.name}</Link>
                        <span className="fr-text--xs fr-ml-1v">({row.territory.code})</span>
                      </td>
                      <td className="fr-cell--right">
                        <span className="maillage-bar-cell">
                          <span className="maillage-bar-track" aria-hidden="true">
                            <span className="maillage-bar" style={{ width: `${largest > 0 && value != null ? (100 * value) / largest : 0}%` }} />
                          </span>
                          <span>{indicator.format(row)}</span>
                        </span>
                      </td>
                      <td className="fr-cell--right">{formatInteger(row.population)}</td>
                      <td className="fr-cell--right">{formatInteger(row.advisers)}</td>
                      <td className="fr-cell--right">{formatInteger(row.coordinators)}</td>
                      <td className="fr-cell--right">{formatInteger(row.places)}</td>
                      <td>
                        <p className={`fr-badge fr-badge--sm ${STATUS_BADGES[row.status] ?? ''}`}>{STATUS_LABELS[row.status] ?? row.status}</p>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
