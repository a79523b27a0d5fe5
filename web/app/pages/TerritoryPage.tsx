import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { BarTable } from '../components/BarTable';
import { DataTable, type Column } from '../components/DataTable';
import { DownloadButton } from '../components/DownloadButton';
import { formatDate, formatDecimal, formatInteger, formatPercent, LEVEL_LABELS, LEVEL_SLUGS, levelOfSlug, STATUS_LABELS, territoryPath } from '../format';
import { useQuery as useOnce, type QueryState } from '../useQuery';

// The diagnosis of one territory: where it stands beside its parent and France, what its sub-territories lack, what
// will change (contracts ending), what is there (places, partners, employers) and what the network did. Aggregates
// only: the API gives no adviser's personal data here, whoever asks.

type Ref = { level: string; code: string; name: string };
type TerritoryData = {
  territory: (Ref & {
    population: number;
    region?: Ref;
    departments?: (Ref & { region: Ref })[];
    natureLabel?: string;
    department?: Ref;
    epci?: Ref | null;
    postalCodes?: string[];
  }) | null;
};
type ChildrenData = { children: { totalCount: number; nodes: (Ref & { population: number })[] } };

const TERRITORY = `query Territory($level: TerritoryLevel!, $code: String!) {
  territory(level: $level, code: $code) {
    level code name population
    ... on Department { region { level code name } }
    ... on Epci { natureLabel departments { level code name region { level code name } } }
    ... on Commune { postalCodes department { level code name } region { level code name } epci { level code name } }
  }
}`;


type Ratio = { value: number | null; parent: number | null; france: number | null };
type Figures = { name: string; population: number; peopleHelped: number; peopleHelpedPer10000: number | null };
type Count = { code?: string; label: string; count: number };
type EndingContract = { adviserId: string; end: string; employerName: string };
type Ending = { count: number; contracts: EndingContract[]; communesLosingLastAdviser: (Ref & { population: number })[] };
type DiagnosisData = {
  children?: ChildrenData['children'];
  diagnosis: {
    endingContracts: Ending;
    parent: Ref | null;
    referenceDate: string;
    population: number; communes: number; epcis: number;
    advisers: number; advisersPer10000: Ratio;
    coordinators: number; coordinatedAdvisers: number; uncoordinatedAdvisers: number; coordinatedShare: Ratio;
    coveredPopulation: number; coordinatorCoverage: Ratio; status: string;
    places: number;
    placesByService: Count[]; placesByPublic: Count[]; partnersByKind: Count[]; employersBySector: Count[];
    subTerritoriesLackingCoordinator: { level: string | null; totalCount: number; totalPopulation: number };
    subTerritoriesLackingAdviser: { level: string | null; totalCount: number; totalPopulation: number };
    activity: {
      from: string; to: string;
      territory: Figures & { accompaniments: number; workshops: number; eventDays: number };
      parent: Figures | null;
      france: Figures;
      topThemes: { label: string; activities: number }[];
      subTerritories: (Figures & { level: string | null; code: string | null; workshops: number })[];
    };
  } | null;
};

// One request for the whole diagnosis (the service limits the requests a caller sends at once); the children are
// asked once the territory is known to exist (`within` naming no territory is an error).
const DIAGNOSIS = `query Diagnosis($level: TerritoryLevel!, $code: String!, $months: Int!, $childLevel: TerritoryLevel!, $leaf: Boolean!) {
  children: territories(level: $childLevel, within: {level: $level, code: $code}, first: 100) @skip(if: $leaf) {
    totalCount nodes { level code name population }
  }
  diagnosis(level: $level, code: $code, contractsEndingWithinMonths: $months) {
    endingContracts { count contracts { adviserId end employerName } communesLosingLastAdviser { level code name population } }
    parent { level code name }
    referenceDate population communes epcis
    advisers advisersPer10000 { value parent france }
    coordinators coordinatedAdvisers uncoordinatedAdvisers coordinatedShare { value parent france }
    coveredPopulation coordinatorCoverage { value parent france } status
    places
    placesByService { code label count } placesByPublic { code label count }
    partnersByKind { code label count } employersBySector { code label count }
    subTerritoriesLackingCoordinator { level totalCount totalPopulation }
    subTerritoriesLackingAdviser { level totalCount totalPopulation }
    activity {
      from to
      territory { name population peopleHelped peopleHelpedPer10000 accompaniments workshops eventDays }
      parent { name population peopleHelped peopleHelpedPer10000 }
      france { name population peopleHelped peopleHelpedPer10000 }
      topThemes { label activities }
      subTerritories { level code name population peopleHelped peopleHelpedPer10000 workshops }
    }
  }
}`;

type Gap = { territory: Ref; population: number; communes: number; advisers: number; coordinators: number; places: number;
  coordinatorCoverage: number; status: string };
type GapsData = { coverageGaps: { totalCount: number; totalPopulation: number; nodes: Gap[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const GAPS = `query Gaps($level: TerritoryLevel!, $within: TerritoryRef!, $lacking: Lacking!, $partly: Boolean!, $first: Int!, $after: String) {
  coverageGaps(level: $level, within: $within, lacking: $lacking, includePartlyCovered: $partly, first: $first, after: $after) {
    totalCount totalPopulation
    nodes { territory { level code name } population communes advisers coordinators places coordinatorCoverage status }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * useQuery, asked again (three times at most, a second or two apart) when the service says the caller sends too much
 * at once (429): the page sends a few queries together, and callers behind one address share their budget.
 */
function useQuery<T>(query: string | null, variables: Record<string, unknown> = {}): QueryState<T> {
  const state = useOnce<T>(query, variables);
  const retries = useRef(0);
  const { error } = state;
  const reload = useRef(state.reload);
  reload.current = state.reload;
  useEffect(() => {
    if (error?.status !== 429 || retries.current >= 3) {
      if (!error) {
        retries.current = 0;
      }
      return undefined;
    }
    retries.current += 1;
    const timer = window.setTimeout(() => reload.current(), 1000 * retries.current + Math.random() * 500);
    return () => window.clearTimeout(timer);
  }, [error]);
  const retrying = error?.status === 429 && retries.current < 3;
  return retrying ? { ...state, error: null, loading: true } : state;
}

const LEVELS = ['REGION', 'DEPARTMENT', 'EPCI', 'COMMUNE'];
const CHILD: Record<string, string> = { REGION: 'DEPARTMENT', DEPARTMENT: 'EPCI', EPCI: 'COMMUNE' };
const PLURAL: Record<string, string> = { REGION: 'régions', DEPARTMENT: 'départements', EPCI: 'EPCI', COMMUNE: 'communes' };
const STATUS_BADGES: Record<string, string> = { COVERED: 'fr-badge--success', PARTLY_COVERED: 'fr-badge--warning', NOT_COVERED: 'fr-badge--error' };
const PAGE_SIZE = 10;

export function TerritoryPage({ params }: { params: Record<string, string> }) {
  const level = levelOfSlug(params.level ?? '');
  const code = decodeURIComponent(params.code ?? '');
  const territory = useQuery<TerritoryData>(level ? TERRITORY : null, { level, code });
  if (!level) {
    return <Unknown text={`« ${params.level} » n'est pas un niveau de territoire : région, département, EPCI ou commune.`} />;
  }
  if (territory.loading && !territory.data) {
    return <Loading what="du territoire" />;
  }
  if (territory.error) {
    return <Problem state={territory} />;
  }
  const t = territory.data?.territory;
  if (!t) {
    return <Unknown text={`Aucun territoire de niveau ${LEVEL_LABELS[level].toLowerCase()} n'a le code « ${code} » dans le Code officiel géographique.`} />;
  }
  return <Diagnosis key={`${t.level}:${t.code}`} territory={t} />;
}

function Diagnosis({ territory: t }: { territory: NonNullable<TerritoryData['territory']> }) {
  const [months, setMonths] = useState(3);
  const diagnosis = useQuery<DiagnosisData>(DIAGNOSIS, { level: t.level, code: t.code, months,
    childLevel: CHILD[t.level] ?? 'COMMUNE', leaf: !CHILD[t.level] });
  const subTerritories = diagnosis.data?.children;
  useEffect(() => {
    // the layout names the route; the tab names the territory
    document.title = `${t.name} : diagnostic territorial – Maillage`;
  }, [t.name]);
  const d = diagnosis.data?.diagnosis;
  const subLevels = LEVELS.slice(LEVELS.indexOf(t.level) + 1);
  const what = `${LEVEL_LABELS[t.level]}${t.level === 'EPCI' && t.natureLabel ? ` (${t.natureLabel})` : ''} · code ${t.code}`;
  return (
    <>
      <Breadcrumb territory={t} />
      <h1 className="fr-mb-1w">{t.name}</h1>
      <p className="fr-text--lead fr-mb-2w">{what}{t.postalCodes?.length ? ` · codes postaux ${t.postalCodes.join(', ')}` : ''}</p>
      <ul className="fr-links-group fr-mb-3w" style={{ display: 'flex', gap: '1.5rem', flexWrap: 'wrap', listStyle: 'none', paddingLeft: 0 }}>
        <li><Link className="fr-link fr-icon-team-line fr-link--icon-left" href={`/reseau/${LEVEL_SLUGS[t.level]}/${encodeURIComponent(t.code)}`}>Le réseau de {t.name}</Link></li>
        <li><Link className="fr-link fr-icon-map-pin-2-line fr-link--icon-left" href="/carte">La carte de la couverture</Link></li>
      </ul>
      {subTerritories && subTerritories.totalCount > 0 && <Children level={t.level} list={subTerritories} />}
      {diagnosis.loading && !d && <Loading what="du diagnostic" />}
      {diagnosis.error && <Problem state={diagnosis} />}
      {d && (
        <>
          <KeyFigures territory={t} d={d} />
          {subLevels.length > 0 && (
            <section className="fr-mt-6w" aria-labelledby="manques">
              <h2 id="manques">Territoires sans coordinateur ou sans conseiller</h2>
              <p>
                Territoires de {t.name} sans coordinateur (personne n'en couvre la population) ou sans conseiller (aucun
                conseiller actif n'y dessert une commune), au {formatDate(d.referenceDate)}, les plus peuplés d'abord ; un
                territoire à cheval sur {t.name} est jugé en entier.
              </p>
              <GapsTable territory={t} lacking="COORDINATOR" levels={subLevels} />
              <GapsTable territory={t} lacking="ADVISER" levels={subLevels} />
            </section>
          )}
          <EndingContracts territory={t} ending={d.endingContracts} months={months} onMonths={setMonths} loading={diagnosis.loading} />
          <Activity territory={t} activity={d.activity} />
          <section className="fr-mt-6w" aria-labelledby="structures">
            <h2 id="structures">Lieux, partenaires et employeurs</h2>
            <p>{formatInteger(d.places)} lieux de médiation numérique dans le territoire. Un lieu compte une fois par service et par public qu'il déclare.</p>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-lg-6">
                <BarTable caption="Lieux par service proposé" rows={d.placesByService} unit="Lieux" empty="aucun lieu" />
              </div>
              <div className="fr-col-12 fr-col-lg-6">
                <BarTable caption="Lieux par public accueilli" rows={d.placesByPublic} unit="Lieux" empty="aucun public déclaré" />
              </div>
              <div className="fr-col-12 fr-col-lg-6">
                <BarTable caption="Partenaires par nature" rows={d.partnersByKind} unit="Partenaires" empty="aucun partenaire" />
              </div>
              <div className="fr-col-12 fr-col-lg-6">
                <BarTable caption="Employeurs par secteur" rows={d.employersBySector} unit="Employeurs" empty="aucun employeur" />
              </div>
            </div>
          </section>
          <Exports territory={t} months={months} />
        </>
      )}
    </>
  );
}

function Breadcrumb({ territory: t }: { territory: NonNullable<TerritoryData['territory']> }) {
  const trail: Ref[] = [];
  if (t.level === 'DEPARTMENT' && t.region) {
    trail.push(t.region);
  } else if (t.level === 'EPCI' && t.departments?.length) {
    // an EPCI over two départements: the first one's branch
    trail.push(t.departments[0].region, t.departments[0]);
  } else if (t.level === 'COMMUNE' && t.region && t.department) {
    trail.push(t.region, t.department, ...(t.epci ? [t.epci] : []));
  }
  return (
    <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
      <button type="button" className="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-territoire">Voir le fil d'Ariane</button>
      <div className="fr-collapse" id="fil-territoire">
        <ol className="fr-breadcrumb__list">
          <li><Link className="fr-breadcrumb__link" href="/">France</Link></li>
          {trail.map((p) => (
            <li key={`${p.level}-${p.code}`}>
              <Link className="fr-breadcrumb__link" href={territoryPath(p.level, p.code)}>{p.name}</Link>
            </li>
          ))}
          <li><a className="fr-breadcrumb__link" aria-current="page">{t.name}</a></li>
        </ol>
      </div>
    </nav>
  );
}

function Children({ level, list: children }: { level: string; list: ChildrenData['children'] }) {
  const childLevel = CHILD[level];
  return (
    <nav className="fr-mb-4w" aria-labelledby="sous-territoires">
      <h2 id="sous-territoires" className="fr-h6 fr-mb-1w">{capitalised(PLURAL[childLevel])} du territoire ({formatInteger(children.totalCount)})</h2>
      <ul className="maillage-children">
        {children.nodes.map((c) => (
          <li key={c.code}><Link className="fr-tag" href={territoryPath(c.level, c.code)}>{c.name}</Link></li>
        ))}
      </ul>
      {children.totalCount > children.nodes.length && (
        <p className="fr-text--sm">Les {formatInteger(children.nodes.length)} premières, dans l'ordre des codes ; les autres se trouvent par la recherche de l'accueil.</p>
      )}
    </nav>
  );
}

function StatusBadge({ status }: { status: string }) {
  return <span className={`fr-badge fr-badge--sm ${STATUS_BADGES[status] ?? ''}`}>{STATUS_LABELS[status] ?? status}</span>;
}

function KeyFigures({ territory: t, d }: { territory: Ref; d: NonNullable<DiagnosisData['diagnosis']> }) {
  const parentName = d.parent?.name ?? null;
  const key = (label: string, value: ReactNode, detail?: ReactNode) => (
    <div className="fr-col-12 fr-col-sm-6 fr-col-lg-3">
      <div className="maillage-key">
        <p className="fr-text--sm">{label}</p>
        <p className="maillage-figure">{value}</p>
        {detail && <p className="fr-text--xs fr-mb-0">{detail}</p>}
      </div>
    </div>
  );
  const comparison = (label: string, r: Ratio, format: (n: number | null) => string) => (
    <tr>
      <th scope="row" className="maillage-row-header">{label}</th>
      <td className="maillage-numeric">{format(r.value)}</td>
      {parentName && <td className="maillage-numeric">{format(r.parent)}</td>}
      <td className="maillage-numeric">{format(r.france)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="chiffres">
      <h2 id="chiffres">Chiffres clés au {formatDate(d.referenceDate)}</h2>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        {key('Habitants', formatInteger(d.population),
          t.level === 'COMMUNE' ? undefined
            : `${formatInteger(d.communes)} commune${d.communes > 1 ? 's' : ''}${t.level !== 'EPCI' ? `, ${formatInteger(d.epcis)} EPCI` : ''}`)}
        {key('Conseillers numériques actifs', formatInteger(d.advisers), `${formatDecimal(d.advisersPer10000.value)} pour 10 000 habitants`)}
        {key('Coordinateurs actifs', formatInteger(d.coordinators),
          `${formatInteger(d.coordinatedAdvisers)} conseillers coordonnés, ${formatInteger(d.uncoordinatedAdvisers)} non coordonnés`)}
        {key('Couverture par un coordinateur', formatPercent(d.coordinatorCoverage.value),
          <>{formatInteger(d.coveredPopulation)} habitants couverts <StatusBadge status={d.status} /></>)}
      </div>
      <div className="fr-table">
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
              <table>
                <caption>{t.name} comparé{parentName ? ` à ${parentName} et` : ''} à la France</caption>
                <thead>
                  <tr>
                    <th scope="col">Indicateur</th>
                    <th scope="col" className="maillage-numeric">{t.name}</th>
                    {parentName && <th scope="col" className="maillage-numeric">{parentName}</th>}
                    <th scope="col" className="maillage-numeric">France</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row" className="maillage-row-header">Habitants</th>
                    <td className="maillage-numeric">{formatInteger(d.population)}</td>
                    {parentName && <td className="maillage-numeric">{formatInteger(d.activity.parent?.population)}</td>}
                    <td className="maillage-numeric">{formatInteger(d.activity.france.population)}</td>
                  </tr>
                  {comparison('Conseillers pour 10 000 habitants', d.advisersPer10000, formatDecimal)}
                  {comparison('Part des conseillers coordonnés', d.coordinatedShare, formatPercent)}
                  {comparison('Part de la population couverte par un coordinateur', d.coordinatorCoverage, formatPercent)}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

/** The sub-territories lacking a coordinator or an adviser: one page of coverageGaps at a time, by cursor. */
function GapsTable({ territory: t, lacking, levels }: { territory: Ref; lacking: 'COORDINATOR' | 'ADVISER'; levels: string[] }) {
  const [level, setLevel] = useState(levels[0]);
  const [partly, setPartly] = useState(false);
  // the cursors of the pages seen: page n starts after cursors[n - 1]
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  const includePartly = lacking === 'COORDINATOR' && partly;
  const gaps = useQuery<GapsData>(GAPS, { level, within: { level: t.level, code: t.code }, lacking, partly: includePartly,
    first: PAGE_SIZE, after: cursors[page] });
  const id = `manque-${lacking.toLowerCase()}`;
  const what = lacking === 'COORDINATOR' ? (includePartly ? 'sans coordinateur ou couverts en partie' : 'sans coordinateur') : 'sans conseiller';
  const restart = () => setCursors([null]);
  const query = new URLSearchParams({ level, within: `${t.level}:${t.code}`, lacking,
    ...(includePartly ? { includePartlyCovered: 'true' } : {}) }).toString();
  const data = gaps.data?.coverageGaps;
  const pages = data ? Math.max(1, Math.ceil(data.totalCount / PAGE_SIZE)) : 1;
  const columns: Column<Gap>[] = [
    { key: 'name', label: 'Territoire', sortValue: (g) => g.territory.name,
      render: (g) => <Link href={territoryPath(g.territory.level, g.territory.code)}>{g.territory.name}</Link> },
    { key: 'population', label: 'Habitants', numeric: true, sortValue: (g) => g.population, render: (g) => formatInteger(g.population) },
    { key: 'advisers', label: 'Conseillers', numeric: true, sortValue: (g) => g.advisers, render: (g) => formatInteger(g.advisers) },
    { key: 'coordinators', label: 'Coordinateurs', numeric: true, sortValue: (g) => g.coordinators, render: (g) => formatInteger(g.coordinators) },
    { key: 'places', label: 'Lieux', numeric: true, sortValue: (g) => g.places, render: (g) => formatInteger(g.places) },
    { key: 'coverage', label: 'Couverture', numeric: true, sortValue: (g) => g.coordinatorCoverage,
      render: (g) => <>{formatPercent(g.coordinatorCoverage)} <StatusBadge status={g.status} /></> },
  ];
  return (
    <div className="fr-mt-4w" id={id}>
      <h3>{capitalised(PLURAL[level])} {what}</h3>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        {levels.length > 1 && (
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor={`${id}-niveau`}>Niveau des territoires</label>
              <select className="fr-select" id={`${id}-niveau`} value={level} onChange={(e) => { setLevel(e.target.value); restart(); }}>
                {levels.map((l) => <option key={l} value={l}>{capitalised(PLURAL[l])}</option>)}
              </select>
            </div>
          </div>
        )}
        {lacking === 'COORDINATOR' && (
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-toggle">
              <input type="checkbox" className="fr-toggle__input" id={`${id}-partiel`} checked={partly}
                onChange={(e) => { setPartly(e.target.checked); restart(); }} />
              <label className="fr-toggle__label" htmlFor={`${id}-partiel`}>Inclure les territoires couverts en partie</label>
            </div>
          </div>
        )}
        <div className="fr-col-12 fr-col-md-4">
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left">
            <li><DownloadButton url={`/exports/coverage-gaps.csv?${query}`} label="CSV" detail={`${PLURAL[level]} ${what}, tableur CSV`} /></li>
            <li><DownloadButton url={`/exports/coverage-gaps.xlsx?${query}`} label="XLSX" detail={`${PLURAL[level]} ${what}, classeur Excel`} /></li>
          </ul>
        </div>
      </div>
      {gaps.loading && <Loading what="de la liste" />}
      {gaps.error && <Problem state={gaps} />}
      {data && !gaps.loading && (data.totalCount === 0 ? (
        <div className="fr-callout fr-mb-4w">
          <p className="fr-callout__text">{capitalised(PLURAL[level])} de {t.name} {what} : {level === 'COMMUNE' || level === 'REGION' ? 'aucune' : 'aucun'}.</p>
        </div>
      ) : (
        <DataTable<Gap>
          caption={<>{formatInteger(data.totalCount)} {data.totalCount > 1 ? PLURAL[level] : LEVEL_LABELS[level].toLowerCase().replace('epci', 'EPCI')} {what}, {formatInteger(data.totalPopulation)} habitants
            <span className="fr-table__caption__desc fr-text--sm fr-mb-0" style={{ display: 'block', fontWeight: 400 }}>
              Page {formatInteger(page + 1)} sur {formatInteger(pages)} ; le tri ordonne la page affichée.</span></>}
          columns={columns} rows={data.nodes} rowKey={(g) => g.territory.code}
          initialSort={{ key: 'population', descending: true }}
          footer={pages > 1 ? (
            <nav role="navigation" className="fr-pagination fr-mt-2w" aria-label={`Pagination des ${PLURAL[level]} ${what}`}>
              <ul className="fr-pagination__list">
                <li><PageLink className="fr-pagination__link--first" disabled={page === 0} onClick={restart}>Première page</PageLink></li>
                <li><PageLink className="fr-pagination__link--prev fr-pagination__link--lg-label" disabled={page === 0}
                  onClick={() => setCursors((c) => c.slice(0, -1))}>Page précédente</PageLink></li>
                <li><a className="fr-pagination__link" aria-current="page" title={`Page ${page + 1}`}>{page + 1}</a></li>
                <li><PageLink className="fr-pagination__link--next fr-pagination__link--lg-label" disabled={!data.pageInfo.hasNextPage}
                  onClick={() => setCursors((c) => [...c, data.pageInfo.endCursor])}>Page suivante</PageLink></li>
              </ul>
            </nav>
          ) : null}
        />
      ))}
    </div>
  );
}

function PageLink({ className, disabled, onClick, children }: { className: string; disabled: boolean; onClick: () => void; children: ReactNode }) {
  // DSFR: a page link that leads nowhere has no href and aria-disabled
  return disabled
    ? <a className={`fr-pagination__link ${className}`} aria-disabled="true" role="link">{children}</a>
    : <a className={`fr-pagination__link ${className}`} href="#" onClick={(e) => { e.preventDefault(); onClick(); }}>{children}</a>;
}

function EndingContracts({ territory: t, ending: e, months, onMonths, loading }: {
  territory: Ref; ending: Ending; months: number; onMonths: (months: number) => void; loading: boolean;
}) {
  return (
    <section className="fr-mt-6w" aria-labelledby="contrats">
      <h2 id="contrats">Contrats qui se terminent</h2>
      <div className="fr-select-group" style={{ maxWidth: '20rem' }}>
        <label className="fr-label" htmlFor="contrats-mois">Contrats finissant dans les</label>
        <select className="fr-select" id="contrats-mois" value={months} onChange={(ev) => onMonths(Number(ev.target.value))}>
          {[3, 6, 12].map((m) => <option key={m} value={m}>{m} prochains mois</option>)}
        </select>
      </div>
      {loading && <Loading what="des contrats" />}
      {!loading && (
        <div aria-live="polite">
          {e.count === 0 ? (
            <p>Aucun contrat de conseiller desservant {t.name} ne se termine dans les {months} prochains mois.</p>
          ) : (
            <p>
              <strong>{formatInteger(e.count)}</strong> contrat{e.count > 1 ? 's' : ''} de conseillers desservant {t.name} se
              termine{e.count > 1 ? 'nt' : ''} dans les {months} prochains mois{e.count > e.contracts.length ? ` (les ${e.contracts.length} premiers ci-dessous)` : ''}.
            </p>
          )}
          {e.contracts.length > 0 && (
            <DataTable<EndingContract>
              caption={`Contrats finissant d'ici ${months} mois, par employeur`}
              columns={[
                { key: 'employer', label: 'Employeur', sortValue: (c) => c.employerName, render: (c) => c.employerName },
                { key: 'end', label: 'Fin du contrat', sortValue: (c) => c.end, render: (c) => formatDate(c.end) },
              ]}
              rows={e.contracts} rowKey={(c) => `${c.adviserId}-${c.end}`} initialSort={{ key: 'end', descending: false }} />
          )}
          {e.communesLosingLastAdviser.length > 0 ? (
            <div className="fr-alert fr-alert--warning fr-mb-4w">
              <h3 className="fr-alert__title">
                {formatInteger(e.communesLosingLastAdviser.length)} commune{e.communesLosingLastAdviser.length > 1 ? 's perdraient' : ' perdrait'} leur dernier conseiller
              </h3>
              <p>Tous les conseillers qui les desservent aujourd'hui partent d'ici {months} mois, sans autre contrat au-delà :</p>
              <ul>
                {e.communesLosingLastAdviser.map((c) => (
                  <li key={c.code}><Link href={territoryPath(c.level, c.code)}>{c.name}</Link> ({formatInteger(c.population)} habitants)</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>Aucune commune ne perdrait son dernier conseiller d'ici {months} mois.</p>
          )}
        </div>
      )}
    </section>
  );
}

function Activity({ territory: t, activity: a }: { territory: Ref; activity: NonNullable<DiagnosisData['diagnosis']>['activity'] }) {
  const rows = [a.territory, ...(a.parent ? [a.parent] : []), a.france];
  const max = Math.max(...a.subTerritories.map((s) => s.peopleHelped), 1);
  type Sub = (typeof a.subTerritories)[number];
  return (
    <section className="fr-mt-6w" aria-labelledby="activite">
      <h2 id="activite">L'activité du réseau du {formatDate(a.from)} au {formatDate(a.to)}</h2>
      <p>
        <strong>{formatInteger(a.territory.peopleHelped)}</strong> personnes accompagnées dans le territoire
        ({formatInteger(a.territory.accompaniments)} accompagnements individuels, {formatInteger(a.territory.workshops)} ateliers
        collectifs, {formatInteger(a.territory.eventDays)} journées événementielles réalisés).
      </p>
      <div className="fr-table">
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
              <table>
                <caption>Personnes accompagnées sur 12 mois, {t.name} comparé{a.parent ? ` à ${a.parent.name} et` : ''} à la France</caption>
                <thead>
                  <tr>
                    <th scope="col">Territoire</th>
                    <th scope="col" className="maillage-numeric">Personnes accompagnées</th>
                    <th scope="col" className="maillage-numeric">Pour 10 000 habitants</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.name}>
                      <th scope="row" className="maillage-row-header">{r.name}</th>
                      <td className="maillage-numeric">{formatInteger(r.peopleHelped)}</td>
                      <td className="maillage-numeric">{formatDecimal(r.peopleHelpedPer10000)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
      {a.subTerritories.length > 0 && (
        <DataTable<Sub>
          caption={`Personnes accompagnées par ${a.subTerritories[0].level === 'EPCI' ? 'EPCI' : (LEVEL_LABELS[a.subTerritories[0].level ?? ''] ?? 'territoire').toLowerCase()}`}
          columns={[
            { key: 'name', label: 'Territoire', sortValue: (s) => s.name,
              render: (s) => (s.level && s.code ? <Link href={territoryPath(s.level, s.code)}>{s.name}</Link> : s.name) },
            { key: 'population', label: 'Habitants', numeric: true, sortValue: (s) => s.population, render: (s) => formatInteger(s.population) },
            { key: 'people', label: 'Personnes accompagnées', numeric: true, sortValue: (s) => s.peopleHelped,
              render: (s) => <><span className="maillage-bar" aria-hidden="true" style={{ width: `${Math.max(0.2, (s.peopleHelped / max) * 6)}rem` }} /> {formatInteger(s.peopleHelped)}</> },
            { key: 'per10000', label: 'Pour 10 000 habitants', numeric: true, sortValue: (s) => s.peopleHelpedPer10000 ?? -1,
              render: (s) => formatDecimal(s.peopleHelpedPer10000) },
            { key: 'workshops', label: 'Ateliers', numeric: true, sortValue: (s) => s.workshops, render: (s) => formatInteger(s.workshops) },
          ]}
          rows={a.subTerritories} rowKey={(s) => s.code ?? s.name} initialSort={{ key: 'people', descending: true }} />
      )}
      {a.topThemes.length > 0 && (
        <BarTable caption="Thématiques les plus abordées (activités réalisées)" unit="Activités"
          rows={a.topThemes.map((th) => ({ label: th.label, count: th.activities }))} empty="aucune" />
      )}
    </section>
  );
}

function Exports({ territory: t, months }: { territory: Ref; months: number }) {
  const base = `/exports/diagnosis/${t.level}/${encodeURIComponent(t.code)}`;
  return (
    <section className="fr-mt-6w" aria-labelledby="telecharger">
      <h2 id="telecharger">Télécharger</h2>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li><DownloadButton url={`${base}.pdf?contractsEndingWithinMonths=${months}`} label="Diagnostic (PDF)"
          detail={`diagnostic territorial de ${t.name}, contrats finissant dans les ${months} mois`} secondary={false} /></li>
        {t.level !== 'COMMUNE' && (
          <>
            <li><DownloadButton url={`${base}/sub-territories.csv`} label="Sous-territoires (CSV)" detail={`chiffres des ${PLURAL[CHILD[t.level]]} de ${t.name}, tableur CSV`} /></li>
            <li><DownloadButton url={`${base}/sub-territories.xlsx`} label="Sous-territoires (XLSX)" detail={`chiffres des ${PLURAL[CHILD[t.level]]} de ${t.name}, classeur Excel`} /></li>
          </>
        )}
      </ul>
      {t.level !== 'COMMUNE' && (
        <p className="fr-text--sm">CSV en UTF-8, séparateur point-virgule ; pour garder les zéros des codes, préférez le classeur XLSX.</p>
      )}
    </section>
  );
}

function Loading({ what }: { what: string }) {
  return <p role="status" className="fr-my-2w">Chargement {what}…</p>;
}

function Problem({ state }: { state: QueryState<unknown> }) {
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w" role="alert">
      <h3 className="fr-alert__title">{state.error?.forbidden ? 'Accès refusé' : 'Le service n\'a pas pu répondre'}</h3>
      <p>{state.error?.message}</p>
      <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w" onClick={state.reload}>Réessayer</button>
    </div>
  );
}

function Unknown({ text }: { text: string }) {
  return (
    <div className="fr-my-7w">
      <h1>Territoire introuvable</h1>
      <div className="fr-alert fr-alert--info fr-mb-4w">
        <p>{text}</p>
      </div>
      <p>Cherchez le territoire par son nom, son code INSEE ou son code postal depuis l'accueil.</p>
      <Link className="fr-btn" href="/">Rechercher un territoire</Link>
    </div>
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
