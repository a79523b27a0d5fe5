// /candidatures/:id: one application, its funding, its zone, its instruction step by step, and what the caller may
// do next (the prefecture its opinion, ANCT its decision and the following steps, the employer filing or withdrawal).
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../api';
import { formatDate, formatInteger, formatPercent } from '../../format';
import { useSession } from '../../session';
import { useQuery } from '../../useQuery';
import { CONTRACTS, fieldProblems, formatEuros, Loading, Overdue, Problem, scopeOf, SignInCallout, StatusBadge, Zone, type Territory } from './common';
import { OpinionForm } from './OpinionForm';

type Application = {
  id: string; reference: string; status: string; statusLabel: string; caseLabel: string; contractType: string;
  fullTime: boolean; motivation: string | null;
  campaign: { code: string; name: string };
  employer: { name: string; siret: string };
  perimeter: { kind: string; territories: Territory[]; communes: number; population: number; departmentCodes: string[] };
  funding: { amountEur: number; periodMonths: number; startsOn: string | null; endsOn: string | null; rule: { applicantLabel: string }; notes: string[] };
  consultations: { employer: { id: string; name: string }; done: boolean; consultedOn: string | null; answer: string | null; comment: string | null }[];
  consultationsMissing: number;
  opinions: { prefecture: { code: string; name: string }; given: boolean; favourable: boolean | null; comment: string | null; givenOn: string | null }[];
  coordinatorsInZone: { coordinator: { id: string; perimeter: Territory[] }; sharedCommunes: number; sharedPopulation: number; shareOfZonePopulation: number }[];
  createdOn: string; submittedOn: string | null; notificationDueOn: string | null; decision: string | null; decidedOn: string | null;
  decisionComment: string | null; notifiedOn: string | null; recruitmentDueOn: string | null; recruitedOn: string | null;
  conventionSignedOn: string | null; paymentDueBy: string | null; paidOn: string | null; overdue: string[];
  history: { on: string; label: string; role: string | null; comment: string | null; toStatus: string }[];
};

const APPLICATION = `query($id: ID!) { coordinatorApplication(id: $id) {
  id reference status statusLabel caseLabel contractType fullTime motivation
  campaign { code name } employer { name siret }
  perimeter { kind territories { level code name } communes population departmentCodes }
  funding { amountEur periodMonths startsOn endsOn rule { applicantLabel } notes }
  consultations { employer { id name } done consultedOn answer comment } consultationsMissing
  opinions { prefecture { code name } given favourable comment givenOn }
  coordinatorsInZone { coordinator { id perimeter { level code name } } sharedCommunes sharedPopulation shareOfZonePopulation }
  createdOn submittedOn notificationDueOn decision decidedOn decisionComment notifiedOn recruitmentDueOn recruitedOn
  conventionSignedOn paymentDueBy paidOn overdue
  history { on label role comment toStatus }
} }`;

const ANSWERS: Record<string, string> = { FAVOURABLE: 'favorable', RESERVED: 'réservée', UNFAVOURABLE: 'défavorable', NO_ANSWER: 'sans réponse' };

export function ApplicationPage({ params }: { params: Record<string, string> }) {
  const { session } = useSession();
  const id = decodeURIComponent(params.id ?? '');
  const { data, error, loading, reload } = useQuery<{ coordinatorApplication: Application | null }>(session ? APPLICATION : null, { id });
  const a = data?.coordinatorApplication;
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <button type="button" className="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane">Voir le fil d'Ariane</button>
        <div className="fr-collapse" id="fil-ariane">
          <ol className="fr-breadcrumb__list">
            <li><Link className="fr-breadcrumb__link" href="/">Accueil</Link></li>
            <li><Link className="fr-breadcrumb__link" href="/candidatures">Candidatures</Link></li>
            <li><a className="fr-breadcrumb__link" aria-current="page">{a?.reference ?? 'Candidature'}</a></li>
          </ol>
        </div>
      </nav>
      <h1>{a ? `Candidature ${a.reference}` : 'Candidature'}</h1>
      {!session && <SignInCallout text="Une candidature n'est visible que de la structure qui la porte, des préfectures et SGAR de sa zone, du hub de sa région et de l'ANCT. Choisissez un rôle dans l'en-tête (« Agir en tant que »)." />}
      {loading && <Loading />}
      {error && (error.forbidden
        ? <SignInCallout text="Votre rôle ou votre territoire ne donne pas accès à cette candidature." />
        : <Problem error={error} />)}
      {data && !a && <p>Aucune candidature ne porte cet identifiant.</p>}
      {a && <Details a={a} reload={reload} />}
    </>
  );
}

function Details({ a, reload }: { a: Application; reload: () => void }) {
  const { session } = useSession();
  const departments = session?.role === 'PREFECTURE' ? scopeOf(session, 'departments') : [];
  const awaitingMine = a.status === 'SUBMITTED'
    ? a.opinions.filter((o) => !o.given && departments.includes(o.prefecture.code)) : [];
  return (
    <>
      <p className="fr-text--lead fr-mb-2w">{a.employer.name} (SIRET {a.employer.siret}) · {a.campaign.name}</p>
      <div className="fr-mb-3w"><StatusBadge status={a.status} label={a.statusLabel} /></div>
      {a.overdue.length > 0 && (
        <div className="fr-alert fr-alert--warning fr-mb-3w">
          <h2 className="fr-alert__title">Échéance dépassée</h2>
          {a.overdue.map((o) => <p key={o}>{o}</p>)}
        </div>
      )}
      {awaitingMine.map((o) => (
        <section key={o.prefecture.code} className="fr-p-3w fr-mb-4w fr-background-alt--blue-france" aria-labelledby="votre-avis">
          <h2 id="votre-avis" className="fr-h4">Votre avis</h2>
          <OpinionForm applicationId={a.id} department={o.prefecture.code} reference={a.reference} onDone={reload} />
        </section>
      ))}
      {session?.role === 'ANCT' && <AnctActions a={a} reload={reload} />}
      {session?.role === 'EMPLOYER' && <EmployerActions a={a} reload={reload} />}

      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-md-6" aria-labelledby="projet">
          <h2 id="projet" className="fr-h4">Le projet</h2>
          <dl>
            <dt className="fr-text--bold">Cas de figure</dt><dd>{a.caseLabel}</dd>
            <dt className="fr-text--bold">Contrat</dt><dd>{CONTRACTS[a.contractType] ?? a.contractType}, {a.fullTime ? 'à temps complet' : 'pas à temps complet'}</dd>
            <dt className="fr-text--bold">Zone</dt>
            <dd><Zone territories={a.perimeter.territories} /> : {formatInteger(a.perimeter.communes)} communes, {formatInteger(a.perimeter.population)} habitants (départements {a.perimeter.departmentCodes.join(', ')})</dd>
            {a.motivation && <><dt className="fr-text--bold">Motivation</dt><dd>{a.motivation}</dd></>}
          </dl>
        </section>
        <section className="fr-col-12 fr-col-md-6" aria-labelledby="subvention">
          <h2 id="subvention" className="fr-h4">La subvention</h2>
          <p className="fr-mb-1w"><strong>{formatEuros(a.funding.amountEur)}</strong> sur {a.funding.periodMonths} mois ({a.funding.rule.applicantLabel})</p>
          <p className="fr-mb-1w">{a.funding.startsOn ? `Du ${formatDate(a.funding.startsOn)} au ${formatDate(a.funding.endsOn)}` : 'Période à partir du recrutement'}</p>
          {a.funding.notes.map((n) => <p key={n} className="fr-text--sm fr-mb-1w">{n}</p>)}
        </section>
      </div>

      <h2 className="fr-h4 fr-mt-4w">Avis des préfectures</h2>
      <ul>
        {a.opinions.map((o) => (
          <li key={o.prefecture.code}>{o.prefecture.name} : {o.given
            ? `avis ${o.favourable ? 'favorable' : 'défavorable'} le ${formatDate(o.givenOn)}${o.comment ? ` (« ${o.comment} »)` : ''}`
            : 'avis attendu'}</li>
        ))}
      </ul>

      <h2 className="fr-h4">Structures consultées</h2>
      {a.consultations.length === 0 ? <p>Aucune structure à consulter dans la zone.</p> : (
        <ul>
          {a.consultations.map((c) => (
            <li key={c.employer.id}>{c.employer.name} : {c.done ? `consultée le ${formatDate(c.consultedOn)}, réponse ${ANSWERS[c.answer ?? ''] ?? '–'}` : 'à consulter'}
              {!c.done && a.status === 'DRAFT' && ['EMPLOYER', 'ANCT'].includes(session?.role ?? '')
                && <ConsultationForm applicationId={a.id} employer={c.employer} reload={reload} />}
            </li>
          ))}
        </ul>
      )}
      {a.consultationsMissing > 0 && <p className="fr-text--sm">{a.consultationsMissing} structure(s) restent à consulter avant le dépôt.</p>}

      <h2 className="fr-h4">Coordinateurs couvrant déjà la zone</h2>
      {a.coordinatorsInZone.length === 0 ? <p>Aucun coordinateur ne couvre déjà une partie de la zone.</p> : (
        <ul>
          {a.coordinatorsInZone.map((c) => (
            <li key={c.coordinator.id}>Coordinateur sur <Zone territories={c.coordinator.perimeter} /> :{' '}
              {formatInteger(c.sharedCommunes)} communes en commun, {formatPercent(c.shareOfZonePopulation)} de la population de la zone</li>
          ))}
        </ul>
      )}

      <h2 className="fr-h4">Échéances</h2>
      <ul>
        <li>Créée le {formatDate(a.createdOn)} ; {a.submittedOn ? `déposée le ${formatDate(a.submittedOn)}` : 'pas encore déposée'}</li>
        {a.notificationDueOn && <li>Notification due le {formatDate(a.notificationDueOn)}{a.notifiedOn ? ` ; notifiée le ${formatDate(a.notifiedOn)}` : ''}</li>}
        {a.decidedOn && <li>Décision ({a.decision === 'ACCEPTED' ? 'acceptée' : 'refusée'}) le {formatDate(a.decidedOn)}{a.decisionComment ? ` : « ${a.decisionComment} »` : ''}</li>}
        {a.recruitmentDueOn && <li>Recrutement dû le {formatDate(a.recruitmentDueOn)}{a.recruitedOn ? ` ; recruté le ${formatDate(a.recruitedOn)}` : ''}</li>}
        {a.conventionSignedOn && <li>Convention signée le {formatDate(a.conventionSignedOn)}</li>}
        {a.paymentDueBy && <li>Versement dû au plus tard le {formatDate(a.paymentDueBy)}{a.paidOn ? ` ; versé le ${formatDate(a.paidOn)}` : ''}</li>}
      </ul>
      {a.overdue.length > 0 && <Overdue overdue={a.overdue} />}

      <div className="fr-table fr-mt-4w">
        <div className="fr-table__wrapper">
          <div className="fr-table__container" tabIndex={0} role="region" aria-label="Historique de l'instruction (défilable)">
            <div className="fr-table__content">
              <table>
                <caption>Historique de l'instruction</caption>
                <thead><tr><th scope="col">Date</th><th scope="col">Étape</th><th scope="col">Par</th><th scope="col">Commentaire</th></tr></thead>
                <tbody>
                  {a.history.map((h, i) => (
                    <tr key={i}><td>{formatDate(h.on)}</td><td>{h.label}</td><td>{h.role ?? '–'}</td><td>{h.comment ?? ''}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </>
  );
}

/** One step as a button: the mutation, then the page read again; the service's refusal shown in words. */
function useStep(reload: () => void) {
  const [problem, setProblem] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const run = (mutation: string, variables: Record<string, unknown>) => {
    setSending(true);
    setProblem([]);
    graphql(mutation, variables).then(reload)
      .catch((e: unknown) => {
        const p = fieldProblems(e);
        setProblem([...p.other, ...Object.values(p.byField).flat()]);
      })
      .finally(() => setSending(false));
  };
  const alert = problem.length > 0
    ? <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert"><p>{problem.join(' ; ')}</p></div> : null;
  return { run, sending, alert };
}

function AnctActions({ a, reload }: { a: Application; reload: () => void }) {
  const { run, sending, alert } = useStep(reload);
  const [decision, setDecision] = useState('ACCEPTED');
  const [comment, setComment] = useState('');
  const simple: Record<string, [string, string]> = {
    ACCEPTED: ['Notifier la décision', 'notifyCoordinatorApplication'],
    REFUSED: ['Notifier la décision', 'notifyCoordinatorApplication'],
    RECRUITED: ['Enregistrer la signature de la convention', 'recordConventionSignature'],
    CONVENTION_SIGNED: ['Enregistrer le versement de la subvention', 'recordSubsidyPayment'],
  };
  if (a.status === 'REVIEWED') {
    const decide = (e: FormEvent) => {
      e.preventDefault();
      run(`mutation($id: ID!, $d: ApplicationDecision!, $c: String) { decideCoordinatorApplication(id: $id, decision: $d, comment: $c) { id } }`,
        { id: a.id, d: decision, c: comment.trim() || null });
    };
    return (
      <section className="fr-p-3w fr-mb-4w fr-background-alt--blue-france" aria-labelledby="decision">
        <h2 id="decision" className="fr-h4">Décision de l'ANCT</h2>
        {alert}
        <form onSubmit={decide} noValidate>
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="decision-choix">Décision</label>
            <select className="fr-select" id="decision-choix" value={decision} onChange={(e) => setDecision(e.target.value)}>
              <option value="ACCEPTED">Accepter</option>
              <option value="REFUSED">Refuser</option>
            </select>
          </div>
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="decision-commentaire">Commentaire <span className="fr-hint-text">Obligatoire pour un refus : il le motive.</span></label>
            <textarea className="fr-input" id="decision-commentaire" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <button className="fr-btn" type="submit" disabled={sending}>Enregistrer la décision</button>
        </form>
      </section>
    );
  }
  const step = simple[a.status];
  if (!step) {
    return null;
  }
  return (
    <section className="fr-mb-4w" aria-label="Étape suivante">
      {alert}
      <button className="fr-btn" type="button" disabled={sending}
        onClick={() => run(`mutation($id: ID!) { ${step[1]}(id: $id) { id } }`, { id: a.id })}>{step[0]}</button>
    </section>
  );
}

function EmployerActions({ a, reload }: { a: Application; reload: () => void }) {
  const { run, sending, alert } = useStep(reload);
  const withdrawable = ['DRAFT', 'SUBMITTED', 'REVIEWED'].includes(a.status);
  if (a.status !== 'DRAFT' && !withdrawable) {
    return null;
  }
  return (
    <section className="fr-mb-4w" aria-label="Actions sur la candidature">
      {alert}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {a.status === 'DRAFT' && (
          <li><button className="fr-btn" type="button" disabled={sending}
            onClick={() => run('mutation($id: ID!) { submitCoordinatorApplication(id: $id) { id } }', { id: a.id })}>Déposer la candidature</button></li>
        )}
        <li><button className="fr-btn fr-btn--secondary" type="button" disabled={sending}
          onClick={() => run('mutation($id: ID!) { withdrawCoordinatorApplication(id: $id) { id } }', { id: a.id })}>Retirer la candidature</button></li>
      </ul>
    </section>
  );
}

/** The consultation of a structure of the zone, on the day it was consulted (which may precede its recording). */
function ConsultationForm({ applicationId, employer, reload }: { applicationId: string; employer: { id: string; name: string }; reload: () => void }) {
  const { run, sending, alert } = useStep(reload);
  const [answer, setAnswer] = useState('FAVOURABLE');
  const [on, setOn] = useState('');
  const key = `consultation-${employer.id}`;
  const record = (e: FormEvent) => {
    e.preventDefault();
    run(`mutation($id: ID!, $e: ID!, $a: ConsultationAnswer!, $on: Date) {
      recordConsultation(applicationId: $id, employerId: $e, answer: $a, on: $on) { id } }`,
    { id: applicationId, e: employer.id, a: answer, on: on || null });
  };
  return (
    <form onSubmit={record} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w" aria-label={`Consultation de ${employer.name}`}>
      <div className="fr-col-12">{alert}</div>
      <div className="fr-col-12 fr-col-md-4 fr-select-group">
        <label className="fr-label" htmlFor={`${key}-reponse`}>Réponse de {employer.name}</label>
        <select className="fr-select" id={`${key}-reponse`} value={answer} onChange={(e) => setAnswer(e.target.value)}>
          {Object.entries(ANSWERS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </div>
      <div className="fr-col-12 fr-col-md-4 fr-input-group">
        <label className="fr-label" htmlFor={`${key}-date`}>Consultée le <span className="fr-hint-text">Facultatif : aujourd'hui sinon</span></label>
        <input className="fr-input" type="date" id={`${key}-date`} value={on} onChange={(e) => setOn(e.target.value)} />
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <button className="fr-btn fr-btn--secondary" type="submit" disabled={sending}>Enregistrer la consultation</button>
      </div>
    </form>
  );
}
