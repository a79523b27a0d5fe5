import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, download, graphql } from '../api';
import { FranceMap } from '../components/FranceMap';
import { KindSymbol } from '../components/NetworkGraph';
import { MAPPED_DEPARTMENTS } from '../coverage';
import { formatDate, formatInteger, LEVEL_LABELS, LEVEL_SLUGS, territoryPath } from '../format';
import { graphqlAllowingRefusals, KIND, LINK_LABELS, type MapEdge, type MapNode } from '../network';
import { useSession } from '../session';
import { useQuery } from '../useQuery';
import './network.css';

type Territory = { level: string; code: string; name: string };
type Commune = Territory;
type DepartmentRef = { code: string; name: string };
/** A territory of the perimeter with the départements it lies in (several for an EPCI across départements). */
type PerimeterTerritory = Territory & { departments?: DepartmentRef[]; department?: DepartmentRef;
  departmentsOfRegion?: { nodes: DepartmentRef[] } };
type PlaceRef = { main: boolean; place: { id: string; name: string; commune: Commune } };
type AdviserRow = { id: string; firstName?: string | null; lastName?: string | null; status: string;
  contract: { typeLabel: string; end: string | null; employer: { id: string; name: string } } | null; places: PlaceRef[] };
type CoordinatorData = { coordinator: {
  id: string; since: string | null; perimeterKind: string; perimeter: PerimeterTerritory[];
  adviser: { firstName?: string | null; lastName?: string | null; email?: string | null; phone?: string | null;
    employer: { id: string; name: string } | null; places: PlaceRef[] };
  hubs: { id: string; name: string }[];
  advisers: { totalCount: number; nodes: AdviserRow[] };
} | null };

const PLACES = 'places { main place { id name commune { level code name } } }';
const COORDINATOR = (personal: boolean) => `query Coordinator($id: ID!) { coordinator(id: $id) {
  id since perimeterKind perimeter { level code name
    ... on Commune { department { code name } } ... on Epci { departments { code name } }
    ... on Region { departmentsOfRegion: departments(first: 30) { nodes { code name } } } }
  adviser { ${personal ? 'firstName lastName email phone' : ''} employer { id name } ${PLACES} }
  hubs { id name }
  advisers(first: 100) { totalCount nodes { id ${personal ? 'firstName lastName' : ''} status
    contract { typeLabel end employer { id name } } ${PLACES} } }
} }`;

type Prospect = { linked: boolean; linkedWith: string[]; partner: { id: string; name: string; kind: string; kindLabel: string;
  role: string; address: string | null; commune: Commune } };
type PartnersData = { coordinatorPartners: { totalCount: number; unlinkedCount: number; nodes: Prospect[];
  pageInfo: { hasNextPage: boolean } } };
const PARTNERS = `query Partners($id: ID!, $kinds: [PartnerKind!], $onlyUnlinked: Boolean, $first: Int) {
  coordinatorPartners(coordinatorId: $id, kinds: $kinds, onlyUnlinked: $onlyUnlinked, first: $first) {
    totalCount unlinkedCount
    nodes { linked linkedWith partner { id name kind kindLabel role address commune { level code name } } }
    pageInfo { hasNextPage }
  }
}`;

const PARTNER_KINDS: Record<string, string> = {
  FRANCE_TRAVAIL: 'France Travail', MISSION_LOCALE: 'Mission locale', CAP_EMPLOI: 'Cap emploi',
  CAF: "Caisse d'allocations familiales", CCAS: "Centre communal d'action sociale", FRANCE_SERVICES: 'France services',
  EHPAD: 'EHPAD', COLLEGE: 'Collège', LYCEE: 'Lycée', UNIVERSITY: 'Université', LIBRARY: 'Bibliothèque', OTHER: 'Autre',
};
const PERIMETER_KINDS: Record<string, string> = {
  INTERCOMMUNAL: 'bassin de vie ou intercommunalité', DEPARTMENT: 'départemental', REGION: 'régional',
};

const fullName = (a: { firstName?: string | null; lastName?: string | null }) =>
  [a.firstName, a.lastName].filter(Boolean).join(' ');

/** A coordinator: its perimeter, the advisers it coordinates, the partners to approach, and paths in its network. */
export function CoordinatorPage({ params }: { params: Record<string, string> }) {
  const id = decodeURIComponent(params.id ?? '');
  const { session } = useSession();
  const signedIn = session !== null;
  const [state, setState] = useState<{ data: CoordinatorData | null; error: string | null }>({ data: null, error: null });

  useEffect(() => {
    const controller = new AbortController();
    setState({ data: null, error: null });
    // personal fields asked only by a signed-in caller; those it may not read come back empty ("—")
    graphqlAllowingRefusals<CoordinatorData>(COORDINATOR(signedIn), { id }, controller.signal)
      .then((data) => setState({ data, error: null }))
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') {
          setState({ data: null, error: e instanceof ApiError ? e.message : String(e) });
        }
      });
    return () => controller.abort();
  }, [id, signedIn]);

  const c = state.data?.coordinator ?? null;
  const perimeterNames = c?.perimeter.map((t) => t.name).join(', ') ?? '';
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li><Link className="fr-breadcrumb__link" href="/">Accueil</Link></li>
          <li><a className="fr-breadcrumb__link" aria-current="page">Coordinateur {id}</a></li>
        </ol>
      </nav>
      <h1>Coordinateur{c ? ` — ${perimeterNames || 'sans périmètre'}` : ''}</h1>
      {state.error && <div className="fr-alert fr-alert--error" role="alert"><h2 className="fr-alert__title">Coordinateur indisponible</h2><p>{state.error}</p></div>}
      {!state.error && !state.data && <p role="status">Chargement…</p>}
      {state.data && !c && <div className="fr-alert fr-alert--info"><p>Aucun coordinateur n'a l'identifiant « {id} ».</p></div>}
      {c && <Coordinator c={c} signedIn={signedIn} />}
    </>
  );
}

function Coordinator({ c, signedIn }: { c: NonNullable<CoordinatorData['coordinator']>; signedIn: boolean }) {
  const main = c.adviser.places.find((p) => p.main) ?? c.adviser.places[0];
  const [partners, setPartners] = useState<Prospect[]>([]);
  return (
    <>
      <p className="fr-text--lead">
        Coordinateur {PERIMETER_KINDS[c.perimeterKind] ?? ''} employé par {c.adviser.employer?.name ?? 'un employeur inconnu'}
        {c.since ? `, depuis le ${formatDate(c.since)}` : ''} ; il coordonne {formatInteger(c.advisers.totalCount)} conseiller{c.advisers.totalCount > 1 ? 's' : ''}.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
        <div className="fr-col-12 fr-col-md-6">
          <h2 className="fr-h4">Fiche</h2>
          <dl>
            <dt className="fr-text--bold">Identifiant</dt><dd className="fr-ml-0 fr-mb-1w">{c.id}</dd>
            <dt className="fr-text--bold">Nom</dt>
            <dd className="fr-ml-0 fr-mb-1w">{fullName(c.adviser) || '—'}{!signedIn && <span className="fr-hint-text">données personnelles : réservées aux rôles habilités</span>}</dd>
            {signedIn && <><dt className="fr-text--bold">Courriel</dt><dd className="fr-ml-0 fr-mb-1w">{c.adviser.email ? <a href={`mailto:${c.adviser.email}`}>{c.adviser.email}</a> : '—'}</dd></>}
            {signedIn && <><dt className="fr-text--bold">Téléphone</dt><dd className="fr-ml-0 fr-mb-1w">{c.adviser.phone || '—'}</dd></>}
            <dt className="fr-text--bold">Lieu principal</dt>
            <dd className="fr-ml-0 fr-mb-1w">{main ? <>{main.place.name}, <Link href={territoryPath('COMMUNE', main.place.commune.code)}>{main.place.commune.name}</Link></> : '—'}</dd>
            <dt className="fr-text--bold">Hubs qui le soutiennent</dt>
            <dd className="fr-ml-0 fr-mb-1w">{c.hubs.map((h) => h.name).join(', ') || '—'}</dd>
          </dl>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <h2 className="fr-h4">Périmètre</h2>
          {c.perimeter.length === 0 ? <p>Aucun territoire.</p> : (
            <>
            <PerimeterMap perimeter={c.perimeter} />
            <ul>
              {c.perimeter.map((t) => (
                <li key={`${t.level}:${t.code}`}>
                  <Link href={territoryPath(t.level, t.code)}>{t.name}</Link> ({LEVEL_LABELS[t.level] ?? t.level} {t.code})
                  {(t.level === 'DEPARTMENT' || t.level === 'REGION') && (
                    <> — <Link href={`/reseau/${LEVEL_SLUGS[t.level]}/${encodeURIComponent(t.code)}`}>son réseau</Link></>
                  )}
                </li>
              ))}
            </ul>
            </>
          )}
        </div>
      </div>
      <Advisers c={c} signedIn={signedIn} />
      <Partners id={c.id} onLoaded={setPartners} />
      <PathFinder c={c} partners={partners} signedIn={signedIn} />
    </>
  );
}

/** The départements of France where the perimeter lies, each with the territories of the perimeter inside it. */
function departmentsOfPerimeter(perimeter: PerimeterTerritory[]): Map<string, { name: string; territories: string[] }> {
  const byDepartment = new Map<string, { name: string; territories: string[] }>();
  for (const t of perimeter) {
    const departments = t.level === 'DEPARTMENT' ? [{ code: t.code, name: t.name }]
      : t.departments ?? (t.department ? [t.department] : t.departmentsOfRegion?.nodes ?? []);
    for (const d of departments) {
      const entry = byDepartment.get(d.code) ?? { name: d.name, territories: [] };
      entry.territories.push(t.level === 'DEPARTMENT' ? 'le département entier' : `${LEVEL_LABELS[t.level] ?? t.level} ${t.name}`);
      byDepartment.set(d.code, entry);
    }
  }
  return byDepartment;
}

/**
 * The perimeter on the map of départements (no EPCI or commune shapes are shipped): each département holding part of
 * it coloured by the number of its territories there, the others at the palette's lightest; a click on one of the
 * perimeter opens the département's page.
 */
function PerimeterMap({ perimeter }: { perimeter: PerimeterTerritory[] }) {
  const [, navigate] = useLocation();
  const byDepartment = useMemo(() => departmentsOfPerimeter(perimeter), [perimeter]);
  // every département has a value, 0 outside the perimeter: the map's palette then tells the perimeter apart
  const data = useMemo(() => Object.fromEntries(MAPPED_DEPARTMENTS.map((code) => [code,
    byDepartment.get(code)?.territories.length ?? 0])), [byDepartment]);
  const tooltip = useCallback((key: string) => {
    const entry = byDepartment.get(key);
    return entry ? `${entry.name} : ${entry.territories.join(', ')}` : 'Hors du périmètre';
  }, [byDepartment]);
  const onSelect = useCallback((key: string) => navigate(territoryPath('DEPARTMENT', key)), [navigate]);
  const selectable = useMemo(() => [...byDepartment.keys()], [byDepartment]);
  // the legend's ends: short, they sit side by side under the colour scale
  const formatValue = useCallback((v: number) => (v === 0 ? 'aucun' : `${formatInteger(v)} territoire${v > 1 ? 's' : ''}`), []);
  const names = [...byDepartment.values()].map((d) => d.name).join(', ');
  if (byDepartment.size === 0) {
    return null;
  }
  return (
    <div className="maillage-perimeter-map fr-mb-2w">
      <FranceMap level="dep" data={data} name="Territoires du périmètre par département" value={names}
        date={formatDate(new Date().toISOString().slice(0, 10))} palette="sequentialAscending" tooltip={tooltip} formatValue={formatValue} onSelect={onSelect}
        selectable={selectable}
        caption={`Carte des départements où s'étend le périmètre : ${names}. Les territoires sont listés sous la carte.`} />
    </div>
  );
}

function Advisers({ c, signedIn }: { c: NonNullable<CoordinatorData['coordinator']>; signedIn: boolean }) {
  return (
    <section className="fr-mb-6w" aria-labelledby="conseillers">
      <h2 className="fr-h4" id="conseillers">Conseillers coordonnés</h2>
      {c.advisers.totalCount === 0 ? <p>Aucun conseiller coordonné.</p> : (
        <div className="fr-table fr-table--sm fr-table--no-caption">
          <div className="fr-table__wrapper"><div className="fr-table__container"><div className="fr-table__content">
            <table>
              <caption>
                Les {formatInteger(c.advisers.totalCount)} conseillers coordonnés, par identifiant
                {c.advisers.totalCount > c.advisers.nodes.length && ` (les ${formatInteger(c.advisers.nodes.length)} premiers)`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Identifiant</th>
                  {signedIn && <th scope="col">Nom</th>}
                  <th scope="col">Employeur</th>
                  <th scope="col">Lieu principal</th>
                  <th scope="col">Contrat</th>
                </tr>
              </thead>
              <tbody>
                {c.advisers.nodes.map((a) => {
                  const place = a.places.find((p) => p.main) ?? a.places[0];
                  return (
                    <tr key={a.id}>
                      <th scope="row" className="fr-text--regular">{a.id}</th>
                      {signedIn && <td>{fullName(a) || '—'}</td>}
                      <td>{a.contract?.employer.name ?? '—'}</td>
                      <td>{place ? <>{place.place.name} (<Link href={territoryPath('COMMUNE', place.place.commune.code)}>{place.place.commune.name}</Link>)</> : '—'}</td>
                      <td>{a.contract ? `${a.contract.typeLabel}${a.contract.end ? `, jusqu'au ${formatDate(a.contract.end)}` : ''}` : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div></div></div>
        </div>
      )}
    </section>
  );
}

function priority(p: Prospect): { text: string; badge: string } {
  if (p.linked) {
    return { text: 'Déjà lié', badge: 'fr-badge--success' };
  }
  return p.partner.role === 'PRESCRIBER'
    ? { text: 'Prescripteur à démarcher', badge: 'fr-badge--warning' }
    : { text: 'Partenaire à démarcher', badge: 'fr-badge--info' };
}

function Partners({ id, onLoaded }: { id: string; onLoaded: (p: Prospect[]) => void }) {
  const [kind, setKind] = useState('');
  const [onlyUnlinked, setOnlyUnlinked] = useState(false);
  const [first, setFirst] = useState(20);
  const [problem, setProblem] = useState<string | null>(null);
  const variables = { id, kinds: kind ? [kind] : null, onlyUnlinked, first };
  const { data, error, loading } = useQuery<PartnersData>(PARTNERS, variables);
  const list = data?.coordinatorPartners ?? null;
  useEffect(() => {
    if (list) {
      onLoaded(list.nodes);
    }
  }, [list, onLoaded]);
  const exportUrl = (format: string) => {
    const query = new URLSearchParams({ coordinatorId: id, onlyUnlinked: String(onlyUnlinked) });
    if (kind) {
      query.set('kinds', kind);
    }
    return `/exports/coordinator-partners.${format}?${query.toString()}`;
  };
  const get = (format: string) => {
    setProblem(null);
    download(exportUrl(format)).catch((e: Error) => setProblem(e.message));
  };
  return (
    <section className="fr-mb-6w" aria-labelledby="partenaires">
      <h2 className="fr-h4" id="partenaires">Partenaires à démarcher</h2>
      <p>Les partenaires situés dans le périmètre : d'abord les prescripteurs avec lesquels ni le coordinateur ni ses
        conseillers ne travaillent encore, puis les autres partenaires non liés, puis ceux déjà liés.</p>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-4">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="nature-partenaire">Nature</label>
            <select className="fr-select" id="nature-partenaire" value={kind} onChange={(e) => { setKind(e.target.value); setFirst(20); }}>
              <option value="">Toutes les natures</option>
              {Object.entries(PARTNER_KINDS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
            </select>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <div className="fr-checkbox-group fr-mb-3w">
            <input type="checkbox" id="non-lies" checked={onlyUnlinked} onChange={(e) => { setOnlyUnlinked(e.target.checked); setFirst(20); }} />
            <label className="fr-label" htmlFor="non-lies">Seulement ceux avec qui personne ne travaille encore</label>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left fr-mb-2w">
            <li><button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line" onClick={() => get('csv')}>Télécharger (CSV)</button></li>
            <li><button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line" onClick={() => get('xlsx')}>Télécharger (XLSX)</button></li>
          </ul>
        </div>
      </div>
      {problem && <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert"><p>{problem}</p></div>}
      {error && <div className="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>{error.message}</p></div>}
      {loading && !list && <p role="status">Chargement…</p>}
      {list && (
        <>
          <p><strong>{formatInteger(list.unlinkedCount)}</strong> partenaire{list.unlinkedCount > 1 ? 's' : ''} à démarcher
            sur {formatInteger(list.totalCount)} dans le périmètre{kind || onlyUnlinked ? ' (selon les filtres)' : ''}.</p>
          <div className="fr-table fr-table--sm fr-table--no-caption" aria-busy={loading}>
            <div className="fr-table__wrapper"><div className="fr-table__container"><div className="fr-table__content">
              <table>
                <caption>Partenaires du périmètre, par priorité ({formatInteger(list.nodes.length)} sur {formatInteger(list.totalCount)})</caption>
                <thead>
                  <tr>
                    <th scope="col">Priorité</th>
                    <th scope="col">Partenaire</th>
                    <th scope="col">Nature</th>
                    <th scope="col">Commune</th>
                    <th scope="col">Lié à</th>
                  </tr>
                </thead>
                <tbody>
                  {list.nodes.map((p) => {
                    const prio = priority(p);
                    return (
                      <tr key={p.partner.id}>
                        <td><span className={`fr-badge fr-badge--sm ${prio.badge}`}>{prio.text}</span></td>
                        <th scope="row" className="fr-text--regular">{p.partner.name}{p.partner.address && <span className="fr-hint-text">{p.partner.address}</span>}</th>
                        <td>{p.partner.kindLabel}{p.partner.role === 'PRESCRIBER' ? ' (prescripteur)' : ''}</td>
                        <td><Link href={territoryPath('COMMUNE', p.partner.commune.code)}>{p.partner.commune.name}</Link></td>
                        <td>{p.linkedWith.length ? p.linkedWith.join(', ') : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div></div></div>
          </div>
          {list.pageInfo.hasNextPage && (
            <button type="button" className="fr-btn fr-btn--tertiary" onClick={() => setFirst(first + 50)} disabled={loading}>
              Afficher 50 partenaires de plus
            </button>
          )}
        </>
      )}
    </section>
  );
}

type Actor = { id: string; label: string };
type PathData = { shortestPath: { length: number; nodes: MapNode[]; edges: MapEdge[] } | null };
const PATH = `query Path($from: ID!, $to: ID!) { shortestPath(fromId: $from, toId: $to) {
  length nodes { id kind label territoryCode count } edges { source target kind count } } }`;

/** The shortest chain of links between two actors of the coordinator's network. */
function PathFinder({ c, partners, signedIn }: { c: NonNullable<CoordinatorData['coordinator']>; partners: Prospect[]; signedIn: boolean }) {
  const actors = useMemo(() => {
    const list: { group: string; actors: Actor[] }[] = [];
    const seen = new Set<string>();
    const add = (group: string, actor: Actor) => {
      if (seen.has(actor.id)) {
        return;
      }
      seen.add(actor.id);
      const g = list.find((x) => x.group === group) ?? (list.push({ group, actors: [] }), list[list.length - 1]);
      g.actors.push(actor);
    };
    add('Coordinateur', { id: c.id, label: `Ce coordinateur (${c.id})` });
    c.hubs.forEach((h) => add('Hubs', { id: h.id, label: h.name }));
    c.advisers.nodes.forEach((a) => add('Conseillers coordonnés', { id: a.id, label: signedIn && fullName(a) ? `${fullName(a)} (${a.id})` : `Conseiller ${a.id}` }));
    [c.adviser.employer, ...c.advisers.nodes.map((a) => a.contract?.employer)].forEach((e) => e && add('Employeurs', { id: e.id, label: e.name }));
    [...c.adviser.places, ...c.advisers.nodes.flatMap((a) => a.places)].forEach((p) => add('Lieux', { id: p.place.id, label: `${p.place.name} (${p.place.commune.name})` }));
    partners.forEach((p) => add('Partenaires du périmètre', { id: p.partner.id, label: `${p.partner.name}${p.linked ? '' : ' — à démarcher'}` }));
    return list;
  }, [c, partners, signedIn]);
  const [from, setFrom] = useState(c.id);
  const [to, setTo] = useState('');
  // by default a partner reached through one of its advisers: a path worth reading
  const target = to || partners.find((p) => p.linked && !p.linkedWith.includes(c.id))?.partner.id
    || partners[0]?.partner.id || '';
  const [result, setResult] = useState<{ data: PathData | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: false });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setResult({ data: null, error: null, loading: true });
    graphql<PathData>(PATH, { from, to: target })
      .then((data) => setResult({ data, error: null, loading: false }))
      .catch((e: unknown) => setResult({ data: null, error: e instanceof ApiError ? e.message : String(e), loading: false }));
  };
  const options = actors.map((g) => (
    <optgroup key={g.group} label={g.group}>
      {g.actors.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
    </optgroup>
  ));
  const path = result.data?.shortestPath;
  return (
    <section className="fr-mb-6w" aria-labelledby="chemin">
      <h2 className="fr-h4" id="chemin">Chemin entre deux acteurs</h2>
      <p>Par quels liens (emploi, lieu, coordination, soutien, partenariat) deux acteurs de ce réseau se rejoignent-ils ?</p>
      <form onSubmit={search} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-5">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="chemin-de">De</label>
            <select className="fr-select" id="chemin-de" value={from} onChange={(e) => setFrom(e.target.value)}>{options}</select>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-5">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="chemin-a">À</label>
            <select className="fr-select" id="chemin-a" value={target} onChange={(e) => setTo(e.target.value)}>{options}</select>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-2">
          <button className="fr-btn fr-mb-3w" type="submit" disabled={!target || result.loading}>Chercher</button>
        </div>
      </form>
      <div aria-live="polite">
        {result.loading && <p>Chargement…</p>}
        {result.error && <div className="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>{result.error}</p></div>}
        {result.data && !path && <div className="fr-alert fr-alert--info fr-alert--sm"><p>Aucun chemin de 8 liens au plus entre ces deux acteurs : ils ne sont pas reliés dans le réseau.</p></div>}
        {path && <PathSteps path={path} />}
      </div>
    </section>
  );
}

function nodeName(n: MapNode): string {
  return n.kind === 'ADVISER' || n.kind === 'COORDINATOR' ? `${n.label} ${n.id}` : n.label;
}

function PathSteps({ path }: { path: NonNullable<PathData['shortestPath']> }) {
  return (
    <div className="fr-mt-2w">
      <h3 className="fr-h6">Chemin en {formatInteger(path.length)} lien{path.length > 1 ? 's' : ''}</h3>
      <ol className="maillage-path">
        {path.nodes.map((n, i) => {
          const next = path.nodes[i + 1];
          const edge = next && path.edges.find((e) => (e.source === n.id && e.target === next.id) || (e.source === next.id && e.target === n.id));
          const forward = edge?.source === n.id;
          return (
            <li key={`${n.id}-${i}`}>
<KindSymbol kind={n.kind} size={16} />{' '}
              {n.kind === 'COORDINATOR' ? <Link href={`/coordinateurs/${encodeURIComponent(n.id)}`}>{nodeName(n)}</Link> : nodeName(n)}
              {' '}<span className="fr-badge fr-badge--sm fr-badge--no-icon">{KIND[n.kind]?.label ?? n.kind}</span>
              {edge && next && (
                <p className="maillage-path__link fr-mb-0">
                  {forward ? `${KIND[n.kind].label} ${LINK_LABELS[edge.kind] ?? edge.kind} ${KIND[next.kind].label.toLowerCase()}`
                    : `${KIND[next.kind].label} ${LINK_LABELS[edge.kind] ?? edge.kind} ${KIND[n.kind].label.toLowerCase()}`}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
