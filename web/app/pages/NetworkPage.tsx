import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { KindSymbol, NetworkGraph } from '../components/NetworkGraph';
import { NodeDetails } from '../components/NodeDetails';
import { formatInteger, LEVEL_LABELS, territoryPath } from '../format';
import { folded, KIND, KINDS, LINK_LABELS, type MapEdge, type MapNode } from '../network';
import { useQuery } from '../useQuery';
import './network.css';

const NETWORK = `query Network($level: TerritoryLevel!, $code: String!, $maxNodes: Int) {
  networkMap(level: $level, code: $code, maxNodes: $maxNodes) {
    territory { level code name }
    summarised actorCount linkCount
    nodes { id kind label territoryCode count }
    edges { source target kind count }
  }
}`;

type NetworkData = { networkMap: { territory: { level: string; code: string; name: string }; summarised: boolean;
  actorCount: number; linkCount: number; nodes: MapNode[]; edges: MapEdge[] } | null };

const DETAILED = 2000;
const SUMMARY = 1;

/** The menu's entry: the network of Corsica, the demo's region (the menu links a path without parameters). */
export function DefaultNetworkPage() {
  return <NetworkPage params={{ level: 'region', code: '94' }} />;
}

/** The network of a region or a département: drawn, filtered by kind, searched, and listed for the keyboard. */
export function NetworkPage({ params }: { params: Record<string, string> }) {
  const level = params.level === 'region' ? 'REGION' : params.level === 'departement' ? 'DEPARTMENT' : null;
  const code = decodeURIComponent(params.code ?? '');
  const [maxNodes, setMaxNodes] = useState(DETAILED);
  const { data, error, loading } = useQuery<NetworkData>(level ? NETWORK : null, { level, code, maxNodes });
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const map = data?.networkMap ?? null;

  useEffect(() => setSelected(null), [level, code, maxNodes]);

  if (!level) {
    return (
      <>
        <h1>Réseau</h1>
        <div className="fr-alert fr-alert--error"><p>Le réseau se lit par région ou par département :
          /reseau/region/94 ou /reseau/departement/2A.</p></div>
      </>
    );
  }
  const name = map?.territory.name ?? code;
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li><Link className="fr-breadcrumb__link" href="/">Accueil</Link></li>
          <li><a className="fr-breadcrumb__link" aria-current="page">Réseau — {name}</a></li>
        </ol>
      </nav>
      <h1>Réseau de l'inclusion numérique — {name}</h1>
      <p className="fr-text--lead">
        Hubs, coordinateurs, conseillers, employeurs, lieux de médiation et partenaires de ce territoire
        ({LEVEL_LABELS[level].toLowerCase()}), et leurs liens. Les personnes y sont désignées par leur fonction.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
        <li><Link className="fr-btn fr-btn--secondary fr-icon-map-pin-2-line" href={territoryPath(level, code)}>Page du territoire</Link></li>
        <li><Link className="fr-btn fr-btn--secondary fr-icon-road-map-line" href="/carte">Carte de la couverture</Link></li>
      </ul>
      {error && <div className="fr-alert fr-alert--error fr-mb-3w" role="alert"><h2 className="fr-alert__title">Réseau indisponible</h2><p>{error.message}</p></div>}
      {loading && !map && <p role="status">Chargement…</p>}
      {data && !map && !error && <div className="fr-alert fr-alert--info"><p>Territoire inconnu : {code}.</p></div>}
      {map && (
        <Network key={`${level}${code}${maxNodes}`} level={level} map={map} maxNodes={maxNodes} setMaxNodes={setMaxNodes}
          hidden={hidden} setHidden={setHidden} selected={selected} setSelected={setSelected} loading={loading} />
      )}
    </>
  );
}

type NetworkProps = {
  level: string; map: NonNullable<NetworkData['networkMap']>; maxNodes: number; setMaxNodes: (n: number) => void;
  hidden: Set<string>; setHidden: (s: Set<string>) => void; selected: string | null; setSelected: (id: string | null) => void;
  loading: boolean;
};

function Network({ level, map, maxNodes, setMaxNodes, hidden, setHidden, selected, setSelected, loading }: NetworkProps) {
  const byKind = useMemo(() => {
    const counts: Record<string, { nodes: number; actors: number }> = {};
    map.nodes.forEach((n) => {
      const c = (counts[n.kind] ??= { nodes: 0, actors: 0 });
      c.nodes += 1;
      c.actors += n.count;
    });
    return counts;
  }, [map]);
  const degree = useMemo(() => {
    const d = new Map<string, number>();
    map.edges.forEach((e) => {
      d.set(e.source, (d.get(e.source) ?? 0) + e.count);
      d.set(e.target, (d.get(e.target) ?? 0) + e.count);
    });
    return d;
  }, [map]);
  const node = selected ? map.nodes.find((n) => n.id === selected) ?? null : null;
  const visible = map.nodes.filter((n) => !hidden.has(n.kind));
  const toggle = (kind: string) => {
    const next = new Set(hidden);
    if (next.has(kind)) {
      next.delete(kind);
    } else {
      next.add(kind);
    }
    setHidden(next);
  };
  const choose = (id: string | null) => {
    setSelected(id);
    if (id) {
      window.setTimeout(() => document.getElementById('details-titre')?.focus({ preventScroll: true }), 50);
    }
  };
  const shownKinds = KINDS.filter((k) => byKind[k.kind]);

  return (
    <>
      <p>
        <strong>{formatInteger(map.actorCount)}</strong> acteurs et <strong>{formatInteger(map.linkCount)}</strong> liens
        {map.summarised ? <> ; vue résumée : <strong>{formatInteger(map.nodes.length)}</strong> groupes</> : null}.
      </p>
      {map.summarised && (
        <div className="fr-callout fr-mb-3w">
          <h2 className="fr-callout__title fr-h6">Vue résumée</h2>
          <p className="fr-callout__text">
            {maxNodes === SUMMARY ? 'Vous avez demandé la vue résumée' : `Ce réseau compte plus de ${formatInteger(maxNodes)} acteurs`} :
            chaque nœud regroupe les acteurs d'une même nature dans un même {level === 'REGION' ? 'département' : 'EPCI'} (sa
            taille dit leur nombre), chaque lien compte les liens entre deux groupes.
          </p>
        </div>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <fieldset className="fr-fieldset" id="natures" aria-labelledby="natures-legende">
            <legend className="fr-fieldset__legend fr-text--regular" id="natures-legende">
              <strong>Légende</strong> : natures d'acteurs (décochez pour masquer)
            </legend>
            {shownKinds.map((k) => (
              <div className="fr-fieldset__element" key={k.kind}>
                <div className="fr-checkbox-group fr-checkbox-group--sm">
                  <input type="checkbox" id={`nature-${k.kind}`} checked={!hidden.has(k.kind)} onChange={() => toggle(k.kind)} />
                  <label className="fr-label" htmlFor={`nature-${k.kind}`}>
                    <KindSymbol kind={k.kind} />&nbsp;{k.plural} ({formatInteger(byKind[k.kind].actors)})
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <p className="fr-text--sm fr-mb-1w">Liens : trait plein (emploi, lieu, coordination, soutien), tirets (partenariat).</p>
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="vue">Vue <span className="fr-hint-text">résumée d'office au-delà de 2 000 acteurs</span></label>
            <select className="fr-select" id="vue" value={maxNodes} onChange={(e) => setMaxNodes(Number(e.target.value))}>
              <option value={DETAILED}>Détaillée</option>
              <option value={SUMMARY}>Résumée par {level === 'REGION' ? 'département' : 'EPCI'}</option>
            </select>
          </div>
          <FindNode nodes={visible} onFound={choose} />
        </div>
        <div className="fr-col-12 fr-col-md-9">
          <div className="maillage-graph-frame" aria-busy={loading}>
            <NetworkGraph nodes={map.nodes} edges={map.edges} summarised={map.summarised} hidden={hidden}
              selected={selected} onSelect={choose}
              label={`Graphe du réseau : ${formatInteger(visible.length)} nœuds affichés. La liste des acteurs, sous le graphe, en donne le même contenu.`} />
            {node && (
              <div className="maillage-graph-panel">
                <NodeDetails node={node} level={level} onClose={() => setSelected(null)} />
              </div>
            )}
          </div>
          <p className="fr-text--xs fr-mt-1w">Molette ou pincement pour zoomer, glisser pour déplacer ; cliquez sur un nœud pour ses détails.</p>
        </div>
      </div>
      <NodeTable nodes={visible} degree={degree} summarised={map.summarised} onChoose={choose} level={level} />
    </>
  );
}

function FindNode({ nodes, onFound }: { nodes: MapNode[]; onFound: (id: string) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<MapNode[] | null>(null);
  const search = (event: FormEvent) => {
    event.preventDefault();
    const wanted = folded(text.trim());
    if (!wanted) {
      setFound(null);
      return;
    }
    const matches = nodes.filter((n) => folded(n.label).includes(wanted) || n.id === text.trim());
    setFound(matches);
    if (matches.length) {
      onFound(matches[0].id);
    }
  };
  return (
    <form onSubmit={search} role="search" className="fr-mt-2w" aria-label="Trouver un acteur dans le réseau">
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="trouver">Trouver un acteur <span className="fr-hint-text">nom ou identifiant</span></label>
        <div className="fr-input-wrap fr-input-wrap--addon">
          <input className="fr-input" id="trouver" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          <button className="fr-btn" type="submit">Trouver</button>
        </div>
      </div>
      <div aria-live="polite">
        {found && found.length === 0 && <p className="fr-error-text">Aucun acteur affiché ne correspond.</p>}
        {found && found.length > 1 && (
          <>
            <p className="fr-text--sm fr-mb-1w">{formatInteger(found.length)} acteurs correspondent :</p>
            <ul className="fr-text--sm maillage-found">
              {found.slice(0, 10).map((n) => (
                <li key={n.id}><button type="button" className="fr-link" onClick={() => onFound(n.id)}>{n.label} ({KIND[n.kind].label.toLowerCase()})</button></li>
              ))}
            </ul>
          </>
        )}
      </div>
    </form>
  );
}

function NodeTable({ nodes, degree, summarised, onChoose, level }: { nodes: MapNode[]; degree: Map<string, number>;
  summarised: boolean; onChoose: (id: string) => void; level: string }) {
  const rows = [...nodes].sort((a, b) => KINDS.findIndex((k) => k.kind === a.kind) - KINDS.findIndex((k) => k.kind === b.kind)
    || a.label.localeCompare(b.label, 'fr') || a.id.localeCompare(b.id));
  const sub = level === 'REGION' ? 'DEPARTMENT' : 'EPCI';
  return (
    <div className="fr-table fr-table--sm fr-mt-4w" id="liste-acteurs">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>
                Liste des {summarised ? 'groupes' : 'acteurs'} affichés ({formatInteger(rows.length)}), par nature
                <span className="fr-hint-text">La même information que le graphe, lisible au clavier et par un lecteur d'écran. Liens : {Object.values(LINK_LABELS).join(', ')}.</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Nature</th>
                  <th scope="col">{summarised ? 'Groupe' : 'Acteur'}</th>
                  <th scope="col">{summarised ? (level === 'REGION' ? 'Département' : 'EPCI') : 'Commune'}</th>
                  {summarised && <th scope="col" className="fr-cell--right">Acteurs</th>}
                  <th scope="col" className="fr-cell--right">Liens</th>
                  <th scope="col">Détails</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((n) => (
                  <tr key={n.id} data-kind={n.kind}>
                    <td><KindSymbol kind={n.kind} size={16} /> {KIND[n.kind].label}</td>
                    <th scope="row" className="fr-text--regular">
                      {n.kind === 'COORDINATOR' && !summarised
                        ? <Link href={`/coordinateurs/${encodeURIComponent(n.id)}`}>{n.label} {n.id}</Link>
                        : n.kind === 'ADVISER' && !summarised ? `${n.label} ${n.id}` : n.label}
                    </th>
                    <td>{n.territoryCode ? <Link href={territoryPath(summarised ? sub : 'COMMUNE', n.territoryCode)}>{n.territoryCode}</Link> : '—'}</td>
                    {summarised && <td className="fr-cell--right">{formatInteger(n.count)}</td>}
                    <td className="fr-cell--right">{formatInteger(degree.get(n.id) ?? 0)}</td>
                    <td>
                      <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm"
                        aria-label={`Voir sur le graphe : ${n.label}${summarised ? '' : ` ${n.id}`}`}
                        onClick={() => { onChoose(n.id); document.querySelector('.maillage-graph')?.scrollIntoView({ block: 'center' }); }}>
                        Voir sur le graphe
                      </button>
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
