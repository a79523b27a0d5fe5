import { useCallback, useId, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { CoverageTable } from '../components/CoverageTable';
import { FranceMap } from '../components/FranceMap';
import {
  COVERAGE_FIELDS, INDICATORS, isMappedDepartment, mapKey, type Indicator, type TerritoryCoverage,
} from '../coverage';
import { formatDate, formatInteger, territoryPath } from '../format';
import { useQuery } from '../useQuery';
import { FRANCE_FIELDS, type FranceCoverage } from './HomePage';
import './MapPage.css';

// Two requests: each country-wide list weighs 1,500 of a request's 2,000
const DEPARTMENTS = `query MapDepartments {
  franceCoverage { ${FRANCE_FIELDS} }
  territoryCoverages(level: DEPARTMENT) { ${COVERAGE_FIELDS} }
}`;
const REGIONS = `query MapRegions { territoryCoverages(level: REGION) { ${COVERAGE_FIELDS} } }`;
const INSIDE = `query Inside($level: TerritoryLevel!, $within: TerritoryRef!) {
  territoryCoverages(level: $level, within: $within) { ${COVERAGE_FIELDS} }
}`;

type Level = 'DEPARTMENT' | 'REGION';
type Departments = { franceCoverage: FranceCoverage; territoryCoverages: TerritoryCoverage[] };
type Coverages = { territoryCoverages: TerritoryCoverage[] };

/**
 * The coverage map of France: départements or regions coloured by an indicator (dsfr-chart's map), a click opening
 * the territory's page; under it the same figures as a sortable table, then the EPCI of a département and the
 * communes of an EPCI.
 */
export function MapPage() {
  const [indicatorId, setIndicatorId] = useState(INDICATORS[0].id);
  const [level, setLevel] = useState<Level>('DEPARTMENT');
  const indicator = INDICATORS.find((i) => i.id === indicatorId) ?? INDICATORS[0];
  const departments = useQuery<Departments>(DEPARTMENTS);
  const regions = useQuery<Coverages>(level === 'REGION' ? REGIONS : null);
  const france = departments.data?.franceCoverage;
  const departmentRows = useMemo(() => (departments.data?.territoryCoverages ?? [])
    .filter((row) => isMappedDepartment(row.territory.code)), [departments.data]);
  const regionRows = useMemo(() => (regions.data?.territoryCoverages ?? [])
    .filter((row) => mapKey('REGION', row.territory.code) !== null), [regions.data]);
  const rows = level === 'REGION' ? regionRows : departmentRows;
  const state = level === 'REGION' ? regions : departments;
  const levelLabel = level === 'REGION' ? 'Région' : 'Département';
  const plural = level === 'REGION' ? 'régions' : 'départements';

  return (
    <>
      <h1>Carte de la couverture</h1>
      <p className="fr-text--lead">
        Les {plural} de France selon leur couverture par les coordinateurs de l'inclusion numérique ou le nombre de
        conseillers numériques pour 10 000 habitants.
      </p>
      {france && (
        <p>
          Au {formatDate(france.referenceDate)}, en France : {formatInteger(france.advisers)} conseillers actifs,
          {' '}{formatInteger(france.coordinators)} coordinateurs ; {indicator.label.toLowerCase()} :
          {' '}<strong>{indicator.format(france)}</strong>.
        </p>
      )}
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="indicateur">Indicateur</label>
            <select className="fr-select" id="indicateur" value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)}>
              {INDICATORS.map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}
            </select>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <fieldset className="fr-segmented fr-segmented--sm">
            <legend className="fr-segmented__legend">Découpage</legend>
            <div className="fr-segmented__elements">
              {([['DEPARTMENT', 'Départements'], ['REGION', 'Régions']] as const).map(([value, label]) => (
                <div className="fr-segmented__element" key={value}>
                  <input value={value} checked={level === value} type="radio" id={`decoupage-${value}`} name="decoupage"
                    onChange={() => setLevel(value)} />
                  <label className="fr-label" htmlFor={`decoupage-${value}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      </div>

      {state.loading && <p role="status">Chargement…</p>}
      {state.error && (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <h2 className="fr-alert__title">Les chiffres n'ont pas pu être chargés</h2>
          <p>{state.error.message}</p>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={state.reload}>Réessayer</button>
        </div>
      )}
      {france && rows.length > 0 && (
        <>
          <CoverageMap rows={rows} level={level} indicator={indicator} france={france} />
          <p className="fr-text--sm fr-mt-1w">
            Cliquez sur un {level === 'REGION' ? 'territoire' : 'département'} pour ouvrir sa page. Les mêmes chiffres,
            lisibles sans la carte, sont dans le tableau ci-dessous ; les collectivités d'outre-mer (Saint-Pierre-et-Miquelon,
            Saint-Barthélemy, Saint-Martin, Wallis-et-Futuna, Polynésie française, Nouvelle-Calédonie, Terres australes)
            n'y figurent pas.
          </p>
          <h2 className="fr-mt-4w">Les {plural} en tableau</h2>
          <CoverageTable rows={rows} level={level} indicator={indicator} levelLabel={levelLabel}
            caption={`${rows.length} ${plural} : ${indicator.label.toLowerCase()}, population, conseillers, coordinateurs, lieux et couverture`} />
        </>
      )}
      {departmentRows.length > 0 && <Inside departments={departmentRows} indicator={indicator} />}
    </>
  );
}

/** The map of the chosen level coloured by the indicator; a click opens the territory's page. */
function CoverageMap({ rows, level, indicator, france }: {
  rows: TerritoryCoverage[]; level: Level; indicator: Indicator; france: FranceCoverage;
}) {
  const [, navigate] = useLocation();
  const { data, byKey } = useMemo(() => {
    const values: Record<string, number> = {};
    const rowOf = new Map<string, TerritoryCoverage>();
    for (const row of rows) {
      const key = mapKey(level, row.territory.code);
      const value = indicator.value(row);
      if (key !== null && value !== null) {
        values[key] = value;
        rowOf.set(key, row);
      }
    }
    return { data: values, byKey: rowOf };
  }, [rows, level, indicator]);
  const tooltip = useCallback((key: string) => {
    const row = byKey.get(key);
    return row ? indicator.format(row) : null;
  }, [byKey, indicator]);
  const onSelect = useCallback((key: string) => {
    const row = byKey.get(key);
    if (row) {
      navigate(territoryPath(level, row.territory.code));
    }
  }, [byKey, level, navigate]);
  return (
    <FranceMap level={level === 'REGION' ? 'reg' : 'dep'} data={data} name={indicator.label}
      value={indicator.format(france)} date={formatDate(france.referenceDate)} palette={indicator.palette}
      tooltip={tooltip} formatValue={indicator.formatValue} onSelect={onSelect}
      caption={`Carte des ${level === 'REGION' ? 'régions' : 'départements'} : ${indicator.label.toLowerCase()}. Les chiffres sont aussi dans le tableau qui suit.`} />
  );
}

/** The EPCI of a chosen département, then the communes of a chosen EPCI, each as a sortable table. */
function Inside({ departments, indicator }: { departments: TerritoryCoverage[]; indicator: Indicator }) {
  const id = useId();
  const [department, setDepartment] = useState('');
  const [epci, setEpci] = useState('');
  const byCode = useMemo(() => [...departments].sort((a, b) => a.territory.code.localeCompare(b.territory.code)), [departments]);
  const epcis = useQuery<Coverages>(department ? INSIDE : null,
    { level: 'EPCI', within: { level: 'DEPARTMENT', code: department } });
  const communes = useQuery<Coverages>(epci ? INSIDE : null, { level: 'COMMUNE', within: { level: 'EPCI', code: epci } });
  const departmentName = departments.find((d) => d.territory.code === department)?.territory.name;
  const epciRows = epcis.data?.territoryCoverages ?? [];
  const epciName = epciRows.find((e) => e.territory.code === epci)?.territory.name;

  return (
    <section className="fr-mt-6w" aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`}>EPCI et communes</h2>
      <p>Choisissez un département pour voir ses EPCI (chacun jugé en entier, même s'il déborde sur un autre département), puis un EPCI pour voir ses communes.</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor={`${id}-departement`}>Département</label>
            <select className="fr-select" id={`${id}-departement`} value={department}
              onChange={(e) => { setDepartment(e.target.value); setEpci(''); }}>
              <option value="">Choisir un département</option>
              {byCode.map((d) => <option key={d.territory.code} value={d.territory.code}>{d.territory.code} – {d.territory.name}</option>)}
            </select>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <div className={`fr-select-group${epciRows.length ? '' : ' fr-select-group--disabled'}`}>
            <label className="fr-label" htmlFor={`${id}-epci`}>EPCI</label>
            <select className="fr-select" id={`${id}-epci`} value={epci} disabled={!epciRows.length}
              onChange={(e) => setEpci(e.target.value)}>
              <option value="">Choisir un EPCI</option>
              {[...epciRows].sort((a, b) => a.territory.name.localeCompare(b.territory.name, 'fr'))
                .map((e) => <option key={e.territory.code} value={e.territory.code}>{e.territory.name}</option>)}
            </select>
          </div>
        </div>
      </div>
      {epcis.loading && <p role="status">Chargement…</p>}
      {epcis.error && <div className="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>{epcis.error.message}</p></div>}
      {department && epciRows.length > 0 && (
        <>
          <h3 className="fr-mt-3w">Les EPCI de {departmentName}</h3>
          <CoverageTable rows={epciRows} level="EPCI" indicator={indicator} levelLabel="EPCI"
            caption={`${epciRows.length} EPCI ayant des communes dans ${departmentName ?? department} : ${indicator.label.toLowerCase()}`} />
        </>
      )}
      {department && !epcis.loading && !epcis.error && epcis.data && epciRows.length === 0 && (
        <p>Aucun EPCI dans ce département.</p>
      )}
      {communes.loading && <p role="status">Chargement…</p>}
      {communes.error && <div className="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>{communes.error.message}</p></div>}
      {epci && communes.data && (
        <>
          <h3 className="fr-mt-3w">Les communes de {epciName}</h3>
          <CoverageTable rows={communes.data.territoryCoverages} level="COMMUNE" indicator={indicator} levelLabel="Commune"
            caption={`${communes.data.territoryCoverages.length} communes de ${epciName ?? epci} : ${indicator.label.toLowerCase()}`} />
        </>
      )}
    </section>
  );
}
