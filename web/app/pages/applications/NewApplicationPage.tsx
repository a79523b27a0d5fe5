// /candidatures/nouvelle: an employer's application. As the form is filled in, the service says what recording it would
// answer (previewCoordinatorApplication: eligibility, how each case fits, the line of the funding table and the amount,
// what is left to correct), so that no rule of the call is written twice; the draft is then recorded, and the
// service's messages appear at the fields they name.
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { graphql } from '../../api';
import { formatDate, formatInteger, LEVEL_LABELS } from '../../format';
import { useSession } from '../../session';
import { useQuery } from '../../useQuery';
import { CONTRACTS, fieldProblems, formatEuros, Loading, Problem, scopeOf, SignInCallout } from './common';

type Campaign = { code: string; name: string; opensOn: string; closesOn: string; open: boolean; weeklyHours: number };
type Preview = {
  eligible: boolean; eligibilityProblem: string | null; inProgramme: boolean; carriesCoordination: boolean;
  cases: { applicationCase: string; fits: boolean; problems: string[] }[];
  fundingRule: { applicantLabel: string; amountEur: number; periodMonths: number; requiresBranchAgreement: boolean; note: string | null } | null;
  funding: { amountEur: number; periodMonths: number; startsOn: string | null; notes: string[] } | null;
  valid: boolean; problems: { field: string; reason: string }[];
};
type Adviser = { id: string; firstName: string | null; lastName: string | null; scheme: string; coordinatorRole: { id: string } | null;
  contract: { active: boolean } | null };
type Employer = { id: string; name: string; legalKind: string; legalKindLabel: string; sector: string; eligibleForCoordination: boolean;
  commune: { name: string; department: { code: string } }; advisers: { nodes: Adviser[] } };
type Picked = { level: string; code: string; name: string };

const FORM = `query($siret: String!) {
  campaigns { code name opensOn closesOn open weeklyHours }
  employer(siret: $siret) { id name legalKind legalKindLabel sector eligibleForCoordination
    commune { name department { code } }
    advisers(activeOnly: false, first: 100) { nodes { id firstName lastName scheme coordinatorRole { id } contract { active } } } }
}`;

const CASES: { value: string; label: string; hint: string; existingPost: boolean }[] = [
  { value: 'EXTEND_COORDINATION_POST', label: '1. Prolongation d\'un poste de coordination existant', hint: 'Structure déjà dans le dispositif, portant déjà un poste de coordination.', existingPost: true },
  { value: 'CONVERT_ADVISER_POST', label: '2. Transformation d\'un poste de conseiller numérique en poste de coordinateur', hint: 'L\'un de vos conseillers numériques devient coordinateur.', existingPost: true },
  { value: 'ADDITIONAL_POST', label: '3. Poste supplémentaire dédié à la coordination', hint: 'Structure déjà dans le dispositif.', existingPost: false },
  { value: 'CREATE_POST', label: '4. Création d\'un poste de coordinateur', hint: 'Structure hors dispositif.', existingPost: false },
  { value: 'INTEGRATE_COORDINATION_POST', label: '5. Intégration au dispositif d\'un poste de coordination existant', hint: 'Structure hors dispositif portant déjà un poste de coordination.', existingPost: true },
];

const KINDS: Record<string, { label: string; levels: string[]; many: boolean }> = {
  INTERCOMMUNAL: { label: 'Bassin de vie ou intercommunalité : un ou plusieurs EPCI ou communes', levels: ['EPCI', 'COMMUNE'], many: true },
  DEPARTMENT: { label: 'Un département', levels: ['DEPARTMENT'], many: false },
  REGION: { label: 'Une région', levels: ['REGION'], many: false },
};

const PREVIEW = `query($input: ApplicationPreviewInput!) { previewCoordinatorApplication(input: $input) {
  eligible eligibilityProblem inProgramme carriesCoordination cases { applicationCase fits problems }
  fundingRule { applicantLabel amountEur periodMonths requiresBranchAgreement note }
  funding { amountEur periodMonths startsOn notes } valid problems { field reason } } }`;

/** The fields of the form by the names the service gives them, for the list of what is left to correct. */
const FIELD_LABELS: Record<string, string> = {
  campaignCode: 'Campagne', employerId: 'Structure', applicationCase: 'Cas de figure', contractType: 'Type de contrat',
  fullTime: 'Temps complet', branchAgreement: 'Accord de branche', perimeter: 'Zone de coordination',
  existingPostAdviserId: 'Poste existant', motivation: 'Motivation',
};
const fieldName = (field: string) => field.replace(/^input\./, '').replace(/^perimeter\..*/, 'perimeter');

export function NewApplicationPage() {
  const { session } = useSession();
  const siret = scopeOf(session, 'sirets')[0] ?? null;
  const { data, error, loading } = useQuery<{ campaigns: Campaign[]; employer: Employer | null }>(
    session?.role === 'EMPLOYER' && siret ? FORM : null, { siret });
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <button type="button" className="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane">Voir le fil d'Ariane</button>
        <div className="fr-collapse" id="fil-ariane">
          <ol className="fr-breadcrumb__list">
            <li><Link className="fr-breadcrumb__link" href="/">Accueil</Link></li>
            <li><Link className="fr-breadcrumb__link" href="/candidatures">Candidatures</Link></li>
            <li><a className="fr-breadcrumb__link" aria-current="page">Nouvelle candidature</a></li>
          </ol>
        </div>
      </nav>
      <h1>Nouvelle candidature à un poste de coordinateur</h1>
      {session?.role !== 'EMPLOYER' && (
        <SignInCallout text="Seule une structure employeuse dépose une candidature pour elle-même. Choisissez le rôle « Employeur » dans l'en-tête (« Agir en tant que »)." />
      )}
      {loading && <Loading />}
      {error && <Problem error={error} />}
      {data && !data.employer && <p>Votre structure (SIRET {siret}) est inconnue du service.</p>}
      {data?.employer && <ApplicationForm campaigns={data.campaigns} employer={data.employer} />}
    </>
  );
}

function Field({ id, label, hint, error, children, group = 'fr-input-group' }: {
  id: string; label: ReactNode; hint?: string; error?: string; children: ReactNode; group?: string;
}) {
  return (
    <div className={`${group}${error ? ` ${group}--error` : ''}`}>
      <label className="fr-label" htmlFor={id}>{label}{hint && <span className="fr-hint-text">{hint}</span>}</label>
      {children}
      {error && <p className="fr-error-text" id={`${id}-erreur`}>{error}</p>}
    </div>
  );
}

function ApplicationForm({ campaigns, employer }: { campaigns: Campaign[]; employer: Employer }) {
  const [, navigate] = useLocation();
  const [campaignCode, setCampaignCode] = useState(campaigns.find((c) => c.open)?.code ?? campaigns[campaigns.length - 1]?.code ?? '');
  const [applicationCase, setApplicationCase] = useState('');
  const [contractType, setContractType] = useState('');
  const [fullTime, setFullTime] = useState(false);
  const [branchAgreement, setBranchAgreement] = useState(false);
  const [kind, setKind] = useState('INTERCOMMUNAL');
  const [territories, setTerritories] = useState<Picked[]>([]);
  const [existingPost, setExistingPost] = useState('');
  const [motivation, setMotivation] = useState('');
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<{ byField: Record<string, string[]>; other: string[] }>({ byField: {}, other: [] });

  const campaign = campaigns.find((c) => c.code === campaignCode);
  const chosenCase = CASES.find((c) => c.value === applicationCase);
  const [answer, setAnswer] = useState<{ key: string; preview: Preview } | null>(null);
  const [previewProblem, setPreviewProblem] = useState<string | null>(null);
  const holders = employer.advisers.nodes.filter((a) => a.contract?.active !== false && (applicationCase === 'CONVERT_ADVISER_POST'
    ? !a.coordinatorRole && a.scheme === 'CONSEILLER_NUMERIQUE' : !!a.coordinatorRole));
  const errorOf = (field: string) => problems.byField[field]?.join(' ; ');
  // a field changed: the service's message about its former value no longer holds
  const edited = (field: string) => setProblems((p) => {
    const { [field]: _gone, ...rest } = p.byField;
    return { ...p, byField: rest };
  });
  const describedBy = (id: string, field: string) => (errorOf(field) ? `${id}-erreur` : undefined);

  useEffect(() => {
    if (!chosenCase?.existingPost) {
      setExistingPost('');
    }
  }, [chosenCase?.existingPost]);

  // what the service would answer, asked again a moment after each change (the previous question abandoned); an
  // answer is shown only for the form as it now stands
  const previewInput = useMemo(() => ({
    campaignCode, employerId: employer.id, applicationCase: applicationCase || null, contractType: contractType || null,
    fullTime, branchAgreement, existingPostAdviserId: existingPost || null,
    perimeter: territories.length ? { kind, territories: territories.map((t) => ({ level: t.level, code: t.code })) } : null,
  }), [campaignCode, employer.id, applicationCase, contractType, fullTime, branchAgreement, existingPost, kind, territories]);
  const previewKey = JSON.stringify(previewInput);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      graphql<{ previewCoordinatorApplication: Preview }>(PREVIEW, { input: previewInput }, controller.signal)
        .then((data) => { setAnswer({ key: previewKey, preview: data.previewCoordinatorApplication }); setPreviewProblem(null); })
        .catch((e: unknown) => {
          if ((e as Error).name !== 'AbortError') {
            setPreviewProblem((e as Error).message);
          }
        });
    }, 250);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [previewInput, previewKey]);

  // the last answer stays on screen, dimmed, while the form as it now stands is asked about
  const preview = answer?.preview ?? null;
  const stale = answer !== null && answer.key !== previewKey;
  const line = contractType ? preview?.fundingRule ?? null : null;
  // how a case fits the structure, as the service judges it
  const caseFit = (c: typeof CASES[number]): string | null => {
    const fit = preview?.cases.find((f) => f.applicationCase === c.value);
    return fit && !fit.fits ? fit.problems.join(' ; ') : null;
  };
  const left = preview?.problems ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // a case and a contract are choices of the schema itself: without them the service cannot read the rest
    const missing: Record<string, string[]> = {};
    if (!applicationCase) missing.applicationCase = ['obligatoire : choisissez un cas de figure'];
    if (!contractType) missing.contractType = ['obligatoire : choisissez un type de contrat'];
    if (Object.keys(missing).length) {
      setProblems({ byField: missing, other: [] });
      setTimeout(() => document.getElementById('erreurs-formulaire')?.focus());
      return;
    }
    setSending(true);
    setProblems({ byField: {}, other: [] });
    const input = {
      campaignCode, employerId: employer.id, applicationCase, contractType,
      fullTime, branchAgreement, motivation: motivation.trim() || null, existingPostAdviserId: existingPost || null,
      perimeter: { kind, territories: territories.map((t) => ({ level: t.level, code: t.code })) },
    };
    graphql<{ draftCoordinatorApplication: { id: string } }>(
      `mutation($i: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $i) { id } }`, { i: input })
      .then((data) => navigate(`/candidatures/${encodeURIComponent(data.draftCoordinatorApplication.id)}`))
      .catch((error: unknown) => {
        setProblems(fieldProblems(error));
        setTimeout(() => document.getElementById('erreurs-formulaire')?.focus());
      })
      .finally(() => setSending(false));
  };

  const count = Object.values(problems.byField).flat().length + problems.other.length;
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <form className="fr-col-12 fr-col-md-7" onSubmit={submit} noValidate aria-label="Candidature">
        <p>Structure : <strong>{employer.name}</strong> ({employer.legalKindLabel}, {employer.commune.name}). Tous les champs sont obligatoires sauf mention contraire.</p>
        {count > 0 && (
          <div className="fr-alert fr-alert--error fr-mb-3w" role="alert" id="erreurs-formulaire" tabIndex={-1}>
            <h2 className="fr-alert__title">Le brouillon n'a pas été enregistré : {count} point(s) à corriger</h2>
            {problems.other.map((o) => <p key={o}>{o}</p>)}
            {Object.keys(problems.byField).length > 0 && <p>Les messages du service sont affichés à chaque champ concerné.</p>}
          </div>
        )}
        <Field id="campagne" label="Campagne" group="fr-select-group" error={errorOf('campaignCode')}
          hint={campaign ? `Dépôts du ${formatDate(campaign.opensOn)} au ${formatDate(campaign.closesOn)}${campaign.open ? '' : ' : campagne close, un brouillon reste possible mais pas le dépôt'}` : undefined}>
          <select className="fr-select" id="campagne" value={campaignCode} onChange={(e) => { setCampaignCode(e.target.value); edited('campaignCode'); }}
            aria-describedby={describedBy('campagne', 'campaignCode')}>
            {campaigns.map((c) => <option key={c.code} value={c.code}>{c.name} ({c.code})</option>)}
          </select>
        </Field>

        <fieldset className={`fr-fieldset${errorOf('applicationCase') ? ' fr-fieldset--error' : ''}`}
          aria-labelledby={`cas-legende${errorOf('applicationCase') ? ' cas-erreur' : ''}`}>
          <legend className="fr-fieldset__legend" id="cas-legende">Cas de figure</legend>
          {CASES.map((c) => {
            const fit = caseFit(c);
            return (
              <div className="fr-fieldset__element" key={c.value}>
                <div className="fr-radio-group">
                  <input type="radio" id={`cas-${c.value}`} name="cas" value={c.value} checked={applicationCase === c.value}
                    onChange={() => { setApplicationCase(c.value); edited('applicationCase'); }} />
                  <label className="fr-label" htmlFor={`cas-${c.value}`}>{c.label}
                    <span className="fr-hint-text">{c.hint}{fit ? ` Non adapté à votre structure : ${fit}.` : ''}</span>
                  </label>
                </div>
              </div>
            );
          })}
          {errorOf('applicationCase') && (
            <div className="fr-messages-group" id="cas-erreur"><p className="fr-message fr-message--error">{errorOf('applicationCase')}</p></div>
          )}
        </fieldset>

        {chosenCase?.existingPost && (
          <Field id="poste-existant" label="Le poste existant : son titulaire" group="fr-select-group" error={errorOf('existingPostAdviserId')}
            hint={applicationCase === 'CONVERT_ADVISER_POST' ? 'Un conseiller numérique de votre structure, pas encore coordinateur.' : 'Le coordinateur en poste dans votre structure.'}>
            <select className="fr-select" id="poste-existant" value={existingPost} onChange={(e) => { setExistingPost(e.target.value); edited('existingPostAdviserId'); }}
              aria-describedby={describedBy('poste-existant', 'existingPostAdviserId')}>
              <option value="">{holders.length ? 'Choisir' : 'Aucun conseiller ne convient dans votre structure'}</option>
              {holders.map((h) => <option key={h.id} value={h.id}>{[h.firstName, h.lastName].filter(Boolean).join(' ') || h.id}</option>)}
            </select>
          </Field>
        )}

        <Field id="contrat" label="Type de contrat du coordinateur" group="fr-select-group" error={errorOf('contractType')}>
          <select className="fr-select" id="contrat" value={contractType} onChange={(e) => { setContractType(e.target.value); edited('contractType'); }}
            aria-describedby={describedBy('contrat', 'contractType')}>
            <option value="">Choisir</option>
            {Object.entries(CONTRACTS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </Field>

        {/* the last answer's line: the box stays while the service is asked again (its own change included) */}
        {line?.requiresBranchAgreement && (
          <div className={`fr-checkbox-group fr-mb-3w${errorOf('branchAgreement') ? ' fr-checkbox-group--error' : ''}`}>
            <input type="checkbox" id="accord-branche" checked={branchAgreement} onChange={(e) => { setBranchAgreement(e.target.checked); edited('branchAgreement'); }}
              aria-describedby={describedBy('accord-branche', 'branchAgreement')} />
            <label className="fr-label" htmlFor="accord-branche">Un accord de branche ou une convention collective permet ce contrat de projet</label>
            {errorOf('branchAgreement') && <p className="fr-error-text" id="accord-branche-erreur">{errorOf('branchAgreement')}</p>}
          </div>
        )}

        <div className={`fr-checkbox-group fr-mb-3w${errorOf('fullTime') ? ' fr-checkbox-group--error' : ''}`}>
          <input type="checkbox" id="temps-complet" checked={fullTime} onChange={(e) => { setFullTime(e.target.checked); edited('fullTime'); }}
            aria-describedby={describedBy('temps-complet', 'fullTime')} />
          <label className="fr-label" htmlFor="temps-complet">
            Le poste est à temps complet ({campaign?.weeklyHours ?? 35} h par semaine)
          </label>
          {errorOf('fullTime') && <p className="fr-error-text" id="temps-complet-erreur">{errorOf('fullTime')}</p>}
        </div>

        <Field id="zone-type" label="Étendue de la zone de coordination" group="fr-select-group">
          <select className="fr-select" id="zone-type" value={kind} onChange={(e) => { setKind(e.target.value); setTerritories([]); edited('perimeter'); }}>
            {Object.entries(KINDS).map(([value, k]) => <option key={value} value={value}>{k.label}</option>)}
          </select>
        </Field>
        <ZonePicker kind={kind} picked={territories} onChange={(t) => { setTerritories(t); edited('perimeter'); }} error={errorOf('perimeter')} />

        <Field id="motivation" label="Motivation" hint="Facultatif, 4 000 caractères au plus." error={errorOf('motivation')}>
          <textarea className={`fr-input${errorOf('motivation') ? ' fr-input--error' : ''}`} id="motivation" rows={4} value={motivation}
            onChange={(e) => { setMotivation(e.target.value); edited('motivation'); }} aria-describedby={describedBy('motivation', 'motivation')} />
        </Field>

        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li><button className="fr-btn" type="submit" disabled={sending}>{sending ? 'Enregistrement…' : 'Enregistrer le brouillon'}</button></li>
          <li><Link className="fr-btn fr-btn--secondary" href="/candidatures">Annuler</Link></li>
        </ul>
        <p className="fr-text--sm">Le brouillon reste modifiable ; vous le déposerez depuis sa page, une fois consultées les structures de la zone.</p>
      </form>

      <aside className="fr-col-12 fr-col-md-5" aria-labelledby="estimation">
        <div className="fr-callout fr-callout--blue-ecume" aria-live="polite">
          <h2 className="fr-callout__title fr-h5" id="estimation">Éligibilité et subvention</h2>
          {previewProblem && <p className="fr-error-text">Le service n'a pas pu répondre : {previewProblem}</p>}
          {(!preview || stale) && !previewProblem && <p role="status" className="fr-text--sm fr-mb-1w">Calcul…</p>}
          {preview && (
            <div className={stale ? 'maillage-stale' : undefined} aria-busy={stale}>
              <p className="fr-mb-1w">
                Nature juridique : {employer.legalKindLabel},{' '}
                {preview.eligible
                  ? <strong>éligible à un poste de coordinateur</strong>
                  : <strong>non éligible : {preview.eligibilityProblem}</strong>}.
              </p>
              <p className="fr-mb-1w">
                Dans le dispositif : {preview.inProgramme ? 'oui' : 'non'} ; poste de coordination déjà porté : {preview.carriesCoordination ? 'oui' : 'non'}.
                {chosenCase && (caseFit(chosenCase) ? ` Le cas choisi ne convient pas : ${caseFit(chosenCase)}.` : ' Le cas choisi convient.')}
              </p>
              {!contractType && <p className="fr-mb-1w">Choisissez un type de contrat pour voir le montant.</p>}
              {contractType && !line && (
                <p className="fr-mb-1w"><strong>Aucune ligne du barème</strong> ne finance un {CONTRACTS[contractType]} pour votre structure.</p>
              )}
              {line && (
                <>
                  <p className="maillage-figure fr-mb-0" id={stale ? undefined : 'montant'}>{formatEuros(preview.funding?.amountEur ?? line.amountEur)}</p>
                  <p className="fr-mb-1w">sur {line.periodMonths} mois ({line.applicantLabel}){line.note ? ` – ${line.note}` : ''}</p>
                  {preview.funding?.startsOn && (
                    <p className="fr-text--sm fr-mb-1w">Période couverte à partir du {formatDate(preview.funding.startsOn)}.</p>
                  )}
                  {preview.funding?.notes.filter((n) => n !== line.note).map((n) => <p key={n} className="fr-text--sm fr-mb-1w">{n}.</p>)}
                </>
              )}
              {left.length > 0 ? (
                <>
                  <p className="fr-mb-0 fr-mt-2w"><strong>Avant l'enregistrement, {left.length} point{left.length > 1 ? 's' : ''} à compléter :</strong></p>
                  <ul className="fr-text--sm" id={stale ? undefined : 'points-restants'}>
                    {left.map((p) => <li key={`${p.field}:${p.reason}`}>{FIELD_LABELS[fieldName(p.field)] ?? p.field} : {p.reason}</li>)}
                  </ul>
                </>
              ) : <p className="fr-mb-1w fr-mt-2w"><strong>Le brouillon peut être enregistré.</strong></p>}
            </div>
          )}
          <p className="fr-text--sm fr-mb-0">
            Réponse du service pour la campagne {campaign?.code}, d'après le barème et votre structure ; il refait chaque
            vérification à l'enregistrement du brouillon, puis au dépôt.
          </p>
        </div>
      </aside>
    </div>
  );
}

const SEARCH = `query($t: String!, $l: [TerritoryLevel!]) { searchTerritories(text: $t, levels: $l, first: 8) { territory { level code name population } } }`;

/** The territories of the zone: found by name or code, added one by one, each removable. */
function ZonePicker({ kind, picked, onChange, error }: { kind: string; picked: Picked[]; onChange: (p: Picked[]) => void; error?: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ level: string; code: string; name: string; population: number }[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const spec = KINDS[kind];
  const search = () => {
    setProblem(null);
    graphql<{ searchTerritories: { territory: { level: string; code: string; name: string; population: number } }[] }>(
      SEARCH, { t: text, l: spec.levels })
      .then((d) => setFound(d.searchTerritories.map((m) => m.territory)))
      .catch((e: Error) => setProblem(e.message));
  };
  const add = (t: Picked) => {
    onChange(spec.many ? [...picked.filter((p) => p.code !== t.code || p.level !== t.level), t] : [t]);
    setFound(null);
    setText('');
  };
  const suggestions = useMemo(() => found ?? [], [found]);
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={`${id}-zone`}>
        Territoires de la zone
        <span className="fr-hint-text">{spec.many ? 'Cherchez un EPCI ou une commune par son nom ou son code, puis ajoutez-le ; recommencez pour en ajouter d\'autres.' : `Cherchez ${kind === 'REGION' ? 'la région' : 'le département'} par son nom ou son code.`}</span>
      </label>
      {picked.length > 0 && (
        <ul className="fr-tags-group fr-mt-1w" aria-label="Territoires choisis">
          {picked.map((p) => (
            <li key={`${p.level}-${p.code}`}>
              <button type="button" className="fr-tag fr-tag--dismiss" aria-label={`Retirer ${p.name}`}
                onClick={() => onChange(picked.filter((q) => q !== p))}>{p.name} ({LEVEL_LABELS[p.level]} {p.code})</button>
            </li>
          ))}
        </ul>
      )}
      <div className="fr-input-wrap" style={{ display: 'flex', gap: '.5rem' }}>
        <input className={`fr-input${error ? ' fr-input--error' : ''}`} id={`${id}-zone`} type="search" value={text}
          onChange={(e) => setText(e.target.value)} aria-describedby={error ? `${id}-zone-erreur` : undefined}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); search(); } }} />
        <button type="button" className="fr-btn fr-btn--secondary" onClick={search} disabled={text.trim().length < 2}>Chercher</button>
      </div>
      {found && (
        <ul className="fr-mt-1w" aria-label="Territoires trouvés" aria-live="polite">
          {suggestions.length === 0 && <li>Aucun territoire trouvé.</li>}
          {suggestions.map((t) => (
            <li key={`${t.level}-${t.code}`}>
              <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-1w" onClick={() => add(t)}>
                Ajouter {t.name} ({LEVEL_LABELS[t.level]} {t.code}, {formatInteger(t.population)} hab.)
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && <p className="fr-error-text">{problem}</p>}
      {error && <p className="fr-error-text" id={`${id}-zone-erreur`}>{error}</p>}
    </div>
  );
}
