import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api';
import { formatDate, formatInteger, territoryPath } from '../format';
import { graphqlAllowingRefusals, KIND, type MapNode } from '../network';
import { useSession } from '../session';
import { KindSymbol } from './NetworkGraph';

type Named = { id?: string; name: string; code?: string; level?: string };
type Personal = { firstName: string | null; lastName: string | null; email: string | null; phone: string | null;
  externalId: string | null };
type AdviserDetails = {
  scheme: string; status: string;
  contract: { typeLabel: string; start: string; end: string | null; employer: Named } | null;
  places: { main: boolean; place: { id: string; name: string; commune: Named } }[];
  coordinators: { id: string }[];
  coordinatorRole: { perimeterKind: string; since: string | null; perimeter: Named[] } | null;
} & Partial<Personal>;

const COMMUNE = 'commune { level code name }';
const ADVISER = (personal: boolean) => `query($id: ID!) { adviser(id: $id) {
  scheme status ${personal ? 'firstName lastName email phone externalId' : ''}
  contract { typeLabel start end employer { id name } }
  places { main place { id name ${COMMUNE} } }
  coordinators { id }
  coordinatorRole { perimeterKind since perimeter { level code name } } } }`;
const QUERIES: Record<string, string> = {
  HUB: `query($id: ID!) { hub(id: $id) { name siret foundedOn ${COMMUNE} regions { level code name } coordinators { id } } }`,
  EMPLOYER: `query($id: ID!) { employer(id: $id) { name siret legalKindLabel eligibleForCoordination ${COMMUNE}
    advisers(first: 1) { totalCount } } }`,
  PLACE: `query($id: ID!) { place(id: $id) { name address postalCode ${COMMUNE} services phone websites } }`,
  PARTNER: `query($id: ID!) { partner(id: $id) { name kindLabel role siret address ${COMMUNE} } }`,
};

/**
 * The details of a node of the map, read when it is chosen. The personal fields of an adviser are asked only by a
 * signed-in caller, and shown as "—" where the service refuses them (outside the caller's scope).
 */
export function NodeDetails({ node, level, onClose }: { node: MapNode; level: string; onClose: () => void }) {
  const { session } = useSession();
  // the answer kept with the node it is about: a node chosen after another never shows the other's fields
  const [answer, setAnswer] = useState<{ id: string; data: Record<string, unknown> | null; error: string | null } | null>(null);
  const data = answer?.id === node.id ? answer.data : null;
  const error = answer?.id === node.id ? answer.error : null;
  const group = node.count > 1 || node.id.includes(':');
  const person = node.kind === 'ADVISER' || node.kind === 'COORDINATOR';
  const signedIn = session !== null;

  useEffect(() => {
    if (group) {
      return undefined;
    }
    const controller = new AbortController();
    const query = person ? ADVISER(signedIn) : QUERIES[node.kind];
    graphqlAllowingRefusals<Record<string, unknown>>(query, { id: node.id }, controller.signal)
      .then((d) => setAnswer({ id: node.id, data: Object.values(d)[0] as Record<string, unknown>, error: null }))
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') {
          setAnswer({ id: node.id, data: null, error: e instanceof ApiError ? e.message : String(e) });
        }
      });
    return () => controller.abort();
  }, [node.id, node.kind, group, person, signedIn]);

  const kind = KIND[node.kind];
  return (
    <section className="maillage-panel fr-p-3w" aria-labelledby="details-titre" id="details">
      <p className="fr-mb-1w"><KindSymbol kind={node.kind} /> <span className="fr-badge fr-badge--sm fr-badge--no-icon">{kind.label}</span></p>
      <h2 className="fr-h5" id="details-titre" tabIndex={-1}>{node.label}</h2>
      {group && <GroupDetails node={node} level={level} />}
      {!group && error && <div className="fr-alert fr-alert--error fr-alert--sm"><p>{error}</p></div>}
      {!group && !error && !data && <p>Chargement…</p>}
      {!group && data && person && <AdviserPanel id={node.id} a={data as AdviserDetails} signedIn={signedIn} />}
      {!group && data && !person && <StructurePanel kind={node.kind} d={data} />}
      <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-2w" onClick={onClose}>Fermer les détails</button>
    </section>
  );
}

function GroupDetails({ node, level }: { node: MapNode; level: string }) {
  const sub = level === 'REGION' ? 'DEPARTMENT' : 'EPCI';
  return (
    <>
      <p>{formatInteger(node.count)} {node.count > 1 ? KIND[node.kind].plural.toLowerCase() : KIND[node.kind].label.toLowerCase()} dans ce
        territoire (vue résumée).</p>
      {node.territoryCode && (
        <ul>
          <li><Link href={territoryPath(sub, node.territoryCode)}>Page du territoire</Link></li>
          {sub === 'DEPARTMENT' && <li><Link href={`/reseau/departement/${encodeURIComponent(node.territoryCode)}`}>Réseau de ce département</Link></li>}
        </ul>
      )}
    </>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (<><dt className="fr-text--bold">{label}</dt><dd className="fr-ml-0 fr-mb-1w">{children}</dd></>);
}

const dash = (v: unknown): React.ReactNode => (v == null || v === '' ? '—' : String(v));

function communeLink(c: Named | null | undefined) {
  return c?.code ? <Link href={territoryPath('COMMUNE', c.code)}>{c.name}</Link> : '—';
}

function AdviserPanel({ id, a, signedIn }: { id: string; a: AdviserDetails; signedIn: boolean }) {
  const name = [a.firstName, a.lastName].filter(Boolean).join(' ');
  return (
    <dl>
      <Field label="Identifiant">{id}</Field>
      {signedIn && (
        <>
          <Field label="Nom">{name || <span title="Hors de votre périmètre">—</span>}</Field>
          <Field label="Courriel">{a.email ? <a href={`mailto:${a.email}`}>{a.email}</a> : '—'}</Field>
          <Field label="Téléphone">{dash(a.phone)}</Field>
          <Field label="Identifiant dispositif">{dash(a.externalId)}</Field>
        </>
      )}
      {!signedIn && <Field label="Nom">— <span className="fr-hint-text">données personnelles : connectez-vous avec un rôle habilité</span></Field>}
      <Field label="Dispositif">{a.scheme === 'CONSEILLER_NUMERIQUE' ? 'Conseiller numérique' : 'Médiateur hors dispositif'}</Field>
      <Field label="Contrat">{a.contract ? `${a.contract.typeLabel}, du ${formatDate(a.contract.start)}${a.contract.end ? ` au ${formatDate(a.contract.end)}` : ''}` : '—'}</Field>
      <Field label="Employeur">{a.contract?.employer.name ?? '—'}</Field>
      <Field label="Lieux">
        {a.places.length === 0 ? '—' : (
          <ul className="fr-mb-0">
            {a.places.map((p) => <li key={p.place.id}>{p.place.name} ({communeLink(p.place.commune)}){p.main ? ', lieu principal' : ''}</li>)}
          </ul>
        )}
      </Field>
      {a.coordinatorRole && (
        <Field label="Périmètre coordonné">
          {a.coordinatorRole.perimeter.map((t, i) => (
            <span key={`${t.level}${t.code}`}>{i > 0 && ', '}<Link href={territoryPath(t.level!, t.code!)}>{t.name}</Link></span>
          ))}
          <br /><Link href={`/coordinateurs/${encodeURIComponent(id)}`}>Page du coordinateur</Link>
        </Field>
      )}
      {a.coordinators.length > 0 && (
        <Field label="Coordonné par">
          {a.coordinators.map((c, i) => (
            <span key={c.id}>{i > 0 && ', '}<Link href={`/coordinateurs/${encodeURIComponent(c.id)}`}>{c.id}</Link></span>
          ))}
        </Field>
      )}
    </dl>
  );
}

function StructurePanel({ kind, d }: { kind: string; d: Record<string, unknown> }) {
  const commune = d.commune as Named | null;
  return (
    <dl>
      {'siret' in d && <Field label="SIRET">{dash(d.siret)}</Field>}
      {kind === 'EMPLOYER' && <Field label="Nature juridique">{dash(d.legalKindLabel)}</Field>}
      {kind === 'EMPLOYER' && <Field label="Conseillers employés">{formatInteger((d.advisers as { totalCount: number }).totalCount)}</Field>}
      {kind === 'PARTNER' && <Field label="Nature">{dash(d.kindLabel)}{d.role === 'PRESCRIBER' ? ' (prescripteur)' : ''}</Field>}
      {'address' in d && <Field label="Adresse">{dash(d.address)}{d.postalCode ? `, ${String(d.postalCode)}` : ''}</Field>}
      <Field label="Commune">{communeLink(commune)}</Field>
      {kind === 'PLACE' && <Field label="Services">{(d.services as string[]).join(', ') || '—'}</Field>}
      {kind === 'PLACE' && <Field label="Téléphone du lieu">{dash(d.phone)}</Field>}
      {kind === 'HUB' && (
        <Field label="Régions couvertes">{(d.regions as Named[]).map((r) => r.name).join(', ') || '—'}</Field>
      )}
      {kind === 'HUB' && (
        <Field label="Coordinateurs soutenus">
          {(d.coordinators as { id: string }[]).length === 0 ? '—' : (d.coordinators as { id: string }[]).map((c, i) => (
            <span key={c.id}>{i > 0 && ', '}<Link href={`/coordinateurs/${encodeURIComponent(c.id)}`}>{c.id}</Link></span>
          ))}
        </Field>
      )}
    </dl>
  );
}
