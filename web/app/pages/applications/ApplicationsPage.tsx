// /candidatures: the applications for coordinator posts, as each role works on them: the employer its own, a
// prefecture those awaiting its opinion, ANCT the queue and the subsidies; anyone the public totals.
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDate, formatInteger } from '../../format';
import { useSession } from '../../session';
import { useQuery } from '../../useQuery';
import {
  ApplicationsTable, type ApplicationRow, type Connection, CURRENT_CAMPAIGN, ExportButtons, formatEuros, Loading,
  Problem, ROW_FIELDS, scopeOf, SignInCallout,
} from './common';
import { OpinionForm } from './OpinionForm';

export function ApplicationsPage() {
  const { session } = useSession();
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <button type="button" className="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane">Voir le fil d'Ariane</button>
        <div className="fr-collapse" id="fil-ariane">
          <ol className="fr-breadcrumb__list">
            <li><Link className="fr-breadcrumb__link" href="/">Accueil</Link></li>
            <li><a className="fr-breadcrumb__link" aria-current="page">Candidatures</a></li>
          </ol>
        </div>
      </nav>
      <h1>Candidatures aux postes de coordinateurs</h1>
      <p className="fr-text--lead">
        Les structures employeuses candidatent à un poste de conseiller numérique coordinateur ; la préfecture de chaque
        département de la zone donne son avis, l'ANCT décide, notifie, puis suit le recrutement, la convention et le
        versement de la subvention.
      </p>
      {!session && <AnonymousView />}
      {session?.role === 'EMPLOYER' && <EmployerView />}
      {session?.role === 'PREFECTURE' && <PrefectureView />}
      {session?.role === 'ANCT' && <AnctView />}
      {session && !['EMPLOYER', 'PREFECTURE', 'ANCT'].includes(session.role) && <TerritoryView />}
    </>
  );
}

type Campaign = { code: string; name: string; opensOn: string; closesOn: string; open: boolean };
type SubsidyTotal = { territory: { code: string; name: string } | null; applications: number; engagedEur: number; paidEur: number };

const PUBLIC = `query($c: String!) {
  campaigns { code name opensOn closesOn open }
  subsidies(campaignCode: $c, groupBy: REGION) {
    total { applications engagedEur paidEur }
    byTerritory { territory { code name } applications engagedEur paidEur }
  }
}`;

function AnonymousView() {
  return (
    <>
      <SignInCallout text={"Les candidatures ne sont visibles que de la structure qui les porte, des préfectures et SGAR de la zone, du hub de sa région et de l'ANCT. Choisissez un rôle dans l'en-tête (« Agir en tant que ») pour les consulter. Les montants engagés et versés ci-dessous sont publics."} />
      <Subsidies />
    </>
  );
}

/** The campaigns and the subsidies engaged and paid by region: public aggregates, with their exports. */
function Subsidies() {
  const [campaign, setCampaign] = useState(CURRENT_CAMPAIGN);
  const { data, error, loading } = useQuery<{ campaigns: Campaign[]; subsidies: { total: SubsidyTotal; byTerritory: SubsidyTotal[] } }>(
    PUBLIC, { c: campaign });
  return (
    <section className="fr-mt-6w" aria-labelledby="subventions">
      <h2 id="subventions">Subventions engagées et versées</h2>
      {data && (
        <div className="fr-select-group">
          <label className="fr-label" htmlFor="campagne">Campagne</label>
          <select className="fr-select" id="campagne" value={campaign} onChange={(e) => setCampaign(e.target.value)}>
            {data.campaigns.map((c) => (
              <option key={c.code} value={c.code}>{c.name} ({c.code}, du {formatDate(c.opensOn)} au {formatDate(c.closesOn)}{c.open ? ', ouverte' : ', close'})</option>
            ))}
          </select>
        </div>
      )}
      {loading && <Loading />}
      {error && <Problem error={error} />}
      {data && (
        <>
          <p>
            Au total, <strong>{formatInteger(data.subsidies.total.applications)}</strong> candidatures acceptées,{' '}
            <strong>{formatEuros(data.subsidies.total.engagedEur)}</strong> engagés et{' '}
            <strong>{formatEuros(data.subsidies.total.paidEur)}</strong> versés.
          </p>
          <div className="fr-table">
            <div className="fr-table__wrapper">
              <div className="fr-table__container">
                <div className="fr-table__content">
                  <table>
                    <caption>Subventions par région de la structure porteuse</caption>
                    <thead>
                      <tr>
                        <th scope="col">Région</th>
                        <th scope="col" className="fr-cell--right">Candidatures acceptées</th>
                        <th scope="col" className="fr-cell--right">Montant engagé</th>
                        <th scope="col" className="fr-cell--right">Montant versé</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.subsidies.byTerritory.map((s) => (
                        <tr key={s.territory?.code ?? 'total'}>
                          <td>{s.territory?.name ?? 'France'}</td>
                          <td className="fr-cell--right">{formatInteger(s.applications)}</td>
                          <td className="fr-cell--right">{formatEuros(s.engagedEur)}</td>
                          <td className="fr-cell--right">{formatEuros(s.paidEur)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
          <ExportButtons label="subventions par département" urls={[
            { url: `/exports/subsidies.csv?campaignCode=${encodeURIComponent(campaign)}&groupBy=DEPARTMENT`, text: 'Subventions par département (CSV)' },
            { url: `/exports/subsidies.xlsx?campaignCode=${encodeURIComponent(campaign)}&groupBy=DEPARTMENT`, text: 'Subventions par département (XLSX)' },
          ]} />
        </>
      )}
    </section>
  );
}

const EMPLOYER = `query($siret: String!) {
  employer(siret: $siret) { id name }
  coordinatorApplications(first: 50) { totalCount nodes { ${ROW_FIELDS} } }
}`;

function EmployerView() {
  const { session } = useSession();
  const siret = scopeOf(session, 'sirets')[0] ?? '';
  const { data, error, loading } = useQuery<{ employer: { id: string; name: string } | null; coordinatorApplications: Connection<ApplicationRow> }>(
    EMPLOYER, { siret });
  return (
    <section aria-labelledby="mes-candidatures">
      <h2 id="mes-candidatures">Vos candidatures{data?.employer ? ` : ${data.employer.name}` : ''}</h2>
      <p><Link className="fr-btn fr-icon-add-line fr-btn--icon-left" href="/candidatures/nouvelle">Nouvelle candidature</Link></p>
      {loading && <Loading />}
      {error && <Problem error={error} />}
      {data && (
        <ApplicationsTable caption="Candidatures de votre structure, brouillons compris" rows={data.coordinatorApplications.nodes}
          total={data.coordinatorApplications.totalCount} showEmployer={false}
          empty="Votre structure n'a encore aucune candidature : créez-en une avec « Nouvelle candidature »." />
      )}
    </section>
  );
}

const AWAITING = `query($d: String!) {
  applicationsAwaitingOpinion(departmentCode: $d, first: 50) {
    totalCount nodes { ${ROW_FIELDS} motivation contractType existingPost { id }
      consultations { employer { name } answer } coordinatorsInZone { shareOfZonePopulation } }
  }
}`;

function PrefectureView() {
  const { session } = useSession();
  const departments = scopeOf(session, 'departments');
  return (
    <>
      {departments.map((d) => <AwaitingOpinion key={d} department={d} />)}
      <FiledInTerritory />
    </>
  );
}

type Awaiting = ApplicationRow & { motivation: string | null; consultations: { employer: { name: string }; answer: string | null }[];
  coordinatorsInZone: { shareOfZonePopulation: number }[] };

function AwaitingOpinion({ department }: { department: string }) {
  const { data, error, loading, reload } = useQuery<{ applicationsAwaitingOpinion: Connection<Awaiting> }>(AWAITING, { d: department });
  const nodes = data?.applicationsAwaitingOpinion.nodes ?? [];
  // the opinions given here: the application leaves the list once reloaded, its confirmation stays (shown by its
  // form while the application is still listed)
  const [confirmations, setConfirmations] = useState<{ id: string; text: string }[]>([]);
  const given = (id: string) => (text: string) => {
    setConfirmations((previous) => [...previous, { id, text }]);
    reload();
  };
  return (
    <section className="fr-mb-6w" aria-labelledby={`avis-${department}`}>
      <h2 id={`avis-${department}`}>Candidatures attendant votre avis (département {department})</h2>
      {confirmations.filter((c) => !nodes.some((a) => a.id === c.id)).map((c) => (
        <div key={c.id} className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status"><p>{c.text}</p></div>
      ))}
      {loading && <Loading />}
      {error && <Problem error={error} />}
      {data && !nodes.length && <p>Aucune candidature n'attend l'avis de la préfecture du département {department}.</p>}
      {nodes.map((a) => (
        <article key={a.id} className="fr-card fr-card--no-arrow fr-mb-3w" aria-labelledby={`titre-${a.id}`}>
          <div className="fr-card__body">
            <div className="fr-card__content">
              <h3 className="fr-card__title" id={`titre-${a.id}`}>
                <Link href={`/candidatures/${encodeURIComponent(a.id)}`}>{a.reference} – {a.employer.name}</Link>
              </h3>
              <div className="fr-card__desc">
                <p className="fr-mb-1w">{a.caseLabel} · zone : {a.perimeter.territories.map((t) => t.name).join(', ')}{' '}
                  ({formatInteger(a.perimeter.population)} habitants) · subvention : {formatEuros(a.funding.amountEur)} sur {a.funding.periodMonths} mois</p>
                <p className="fr-mb-1w">Déposée le {formatDate(a.submittedOn)} ; notification due le {formatDate(a.notificationDueOn)}.
                  {' '}{a.coordinatorsInZone.length ? `${a.coordinatorsInZone.length} coordinateur(s) couvrent déjà une partie de la zone.` : 'Aucun coordinateur ne couvre déjà la zone.'}</p>
                {a.motivation && <p className="fr-mb-1w">Motivation : {a.motivation}</p>}
                <OpinionForm applicationId={a.id} department={department} reference={a.reference} onDone={given(a.id)} />
              </div>
            </div>
          </div>
        </article>
      ))}
    </section>
  );
}

const FILED = `{ coordinatorApplications(first: 50) { totalCount nodes { ${ROW_FIELDS} } } }`;

/** The filed applications of the caller's territory (prefecture, SGAR, hub). */
function FiledInTerritory() {
  const { data, error, loading } = useQuery<{ coordinatorApplications: Connection<ApplicationRow> }>(FILED);
  return (
    <section aria-labelledby="candidatures-territoire">
      <h2 id="candidatures-territoire">Candidatures déposées dans votre territoire</h2>
      {loading && <Loading />}
      {error && (error.forbidden
        ? <SignInCallout text="Votre rôle ne donne pas accès aux candidatures : elles sont visibles de la structure, des préfectures et SGAR de la zone, du hub de sa région et de l'ANCT." />
        : <Problem error={error} />)}
      {data && (
        <ApplicationsTable caption="Candidatures déposées dont la zone touche votre territoire" rows={data.coordinatorApplications.nodes}
          total={data.coordinatorApplications.totalCount} empty="Aucune candidature déposée dans votre territoire." />
      )}
    </section>
  );
}

function TerritoryView() {
  return (
    <>
      <FiledInTerritory />
      <Subsidies />
    </>
  );
}

const QUEUE = `query($c: String) {
  applicationQueue(campaignCode: $c, first: 20) {
    awaitingOpinions { totalCount nodes { ${ROW_FIELDS} } }
    awaitingDecision { totalCount nodes { ${ROW_FIELDS} } }
    awaitingNotification { totalCount nodes { ${ROW_FIELDS} } }
    notificationOverdue { totalCount nodes { ${ROW_FIELDS} } }
    recruitmentOverdue { totalCount nodes { ${ROW_FIELDS} } }
    paymentOverdue { totalCount nodes { ${ROW_FIELDS} } }
  }
}`;

type Queue = Record<'awaitingOpinions' | 'awaitingDecision' | 'awaitingNotification' | 'notificationOverdue'
  | 'recruitmentOverdue' | 'paymentOverdue', Connection<ApplicationRow>>;

const QUEUE_LISTS: { key: keyof Queue; title: string; empty: string; late?: boolean }[] = [
  { key: 'notificationOverdue', title: 'Notification en retard', empty: 'Aucune notification en retard.', late: true },
  { key: 'recruitmentOverdue', title: 'Recrutement en retard', empty: 'Aucun recrutement en retard.', late: true },
  { key: 'paymentOverdue', title: 'Versement en retard', empty: 'Aucun versement en retard.', late: true },
  { key: 'awaitingOpinions', title: 'En attente des avis des préfectures', empty: 'Aucune candidature en attente d\'avis.' },
  { key: 'awaitingDecision', title: 'À décider', empty: 'Aucune candidature à décider.' },
  { key: 'awaitingNotification', title: 'À notifier', empty: 'Aucune décision à notifier.' },
];

function AnctView() {
  const { data, error, loading } = useQuery<{ applicationQueue: Queue }>(QUEUE, { c: CURRENT_CAMPAIGN });
  return (
    <>
      <section aria-labelledby="file">
        <h2 id="file">File d'instruction</h2>
        <p>
          Chaque liste montre ses 20 premières candidatures, l'export les donne toutes. Les échéances dépassées sont signalées par le badge « En retard » et leur date. Ouvrez une candidature pour
          la décider, la notifier ou enregistrer les étapes suivantes.
        </p>
        <ExportButtons label="file d'instruction" urls={[
          { url: `/exports/application-queue.csv?campaignCode=${CURRENT_CAMPAIGN}`, text: 'File d\'instruction (CSV)' },
          { url: `/exports/application-queue.xlsx?campaignCode=${CURRENT_CAMPAIGN}`, text: 'File d\'instruction (XLSX)' },
        ]} />
        {loading && <Loading />}
        {error && <Problem error={error} />}
        {data && (
          <>
            <ul className="fr-tags-group" aria-label="Listes de la file">
              {QUEUE_LISTS.map((l) => (
                <li key={l.key}>
                  <a className="fr-tag" href={`#liste-${l.key}`}>
                    {l.title} : {formatInteger(data.applicationQueue[l.key].totalCount)}
                  </a>
                </li>
              ))}
            </ul>
            {QUEUE_LISTS.map((l) => (
              <section key={l.key} className="fr-mt-4w" aria-labelledby={`liste-${l.key}`}>
                <h3 id={`liste-${l.key}`} tabIndex={-1}>
                  {l.title}{' '}
                  {l.late && data.applicationQueue[l.key].totalCount > 0
                    && <span className="fr-badge fr-badge--warning fr-badge--sm">Échéance dépassée</span>}
                </h3>
                <ApplicationsTable caption={l.title} rows={data.applicationQueue[l.key].nodes}
                  total={data.applicationQueue[l.key].totalCount} empty={l.empty} hideCaption />
              </section>
            ))}
          </>
        )}
      </section>
      <Subsidies />
    </>
  );
}
