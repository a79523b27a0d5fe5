// /candidatures/nouvelle: an employer's application, the eligibility and the amount shown as the form is filled in
// (from the campaign's funding table and the structure's legal kind, both read from the service), then recorded as a
// draft, which the service checks point by point: its messages appear at the fields they name.
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { graphql } from '../../api';
import { formatDate, formatInteger, LEVEL_LABELS } from '../../format';
import { useSession } from '../../session';
import { useQuery } from '../../useQuery';
import { CONTRACTS, fieldProblems, formatEuros, Loading, Problem, scopeOf, SignInCallout } from './common';

type FundingRule = { applicant: string; applicantLabel: string; contractTypes: string[]; departmentCodes: string[];
  amountEur: number; periodMonths: number; requiresBranchAgreement: boolean; note: string | null };
type Campaign = { code: string; name: string; opensOn: string; closesOn: string; open: boolean; weeklyHours: number; fundingRules: FundingRule[] };
type Adviser = { id: string; firstName: string | null; lastName: string | null; scheme: string; coordinatorRole: { id: string } | null;
  contract: { active: boolean } | null };
type Employer = { id: string; name: string; legalKind: string; legalKindLabel: string; sector: string; eligibleForCoordination: boolean;
  commune: { name: string; department: { code: string } }; advisers: { nodes: Adviser[] } };
type Picked = { level: string; code: string; name: string };

const FORM = `query($siret: String!) {
  campaigns { code name opensOn closesOn open weeklyHours
    fundingRules { applicant applicantLabel contractTypes departmentCodes amountEur periodMonths requiresBranchAgreement note } }
  employer(siret: $siret) { id name legalKind legalKindLabel sector eligibleForCoordination
    commune { name department { code } }
    advisers(activeOnly: false, first: 100) { nodes { id firstName lastName scheme coordinatorRole { id } contract { active } } } }
}`;

const CASES: { value: string; label: string; hint: string; inProgramme: boolean; carries: boolean | null; existingPost: boolean }[] = [
  { value: 'EXTEND_COORDINATION_POST', label: '1. Prolongation d\'un poste de coordination existant', hint: 'Structure déjà dans le dispositif, portant déjà un poste de coordination.', inProgramme: true, carries: true, existingPost: true },
  { value: 'CONVERT_ADVISER_POST', label: '2. Transformation d\'un poste de conseiller numérique en poste de coordinateur', hint: 'L\'un de vos conseillers numériques devient coordinateur.', inProgramme: true, carries: null, existingPost: true },
  { value: 'ADDITIONAL_POST', label: '3. Poste supplémentaire dédié à la coordination', hint: 'Structure déjà dans le dispositif.', inProgramme: true, carries: null, existingPost: false },
  { value: 'CREATE_POST', label: '4. Création d\'un poste de coordinateur', hint: 'Structure hors dispositif.', inProgramme: false, carries: false, existingPost: false },
  { value: 'INTEGRATE_COORDINATION_POST', label: '5. Intégration au dispositif d\'un poste de coordination existant', hint: 'Structure hors dispositif portant déjà un poste de coordination.', inProgramme: false, carries: true, existingPost: true },
];

const KINDS: Record<string, { label: string; levels: string[]; many: boolean }> = {
  INTERCOMMUNAL: { label: 'Bassin de vie ou intercommunalité : un ou plusieurs EPCI ou communes', levels: ['EPCI', 'COMMUNE'], many: true },
  DEPARTMENT: { label: 'Un département', levels: ['DEPARTMENT'], many: false },
  REGION: { label: 'Une région', levels: ['REGION'], many: false },
};

/** The applicant's line of the funding table, as the service picks it: its category, then the most specific line. */
function category(employer: Employer): string {
  if (employer.legalKind === 'TERRITORIAL_COLLECTIVITY' || employer.legalKind === 'COLLECTIVITY_GROUPING') {
    return 'COLLECTIVITY';
  }
  return employer.sector === 'PUBLIC' ? 'OTHER_PUBLIC' : 'PRIVATE';
}

function fundingLine(campaign: Campaign, employer: Employer, contract: string): FundingRule | null {
  const applicant = category(employer);
  const department = employer.commune.department.code;
  const lines = campaign.fundingRules.filter((r) => r.applicant === applicant && r.contractTypes.includes(contract)
    && (r.departmentCodes.length === 0 || r.departmentCodes.includes(department)));
  return lines.find((r) => r.departmentCodes.length > 0) ?? lines[0] ?? null;
}

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
  const line = campaign && contractType ? fundingLine(campaign, employer, contractType) : null;
  const inProgramme = employer.advisers.nodes.some((a) => a.scheme === 'CONSEILLER_NUMERIQUE');
  const carries = employer.advisers.nodes.some((a) => a.coordinatorRole && a.contract?.active !== false);
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

  const caseFit = (c: typeof CASES[number]): string | null => {
    if (c.inProgramme && !inProgramme) {
      return 'réservé aux structures qui emploient ou ont employé un conseiller numérique';
    }
    if (!c.inProgramme && inProgramme) {
      return 'votre structure emploie déjà des conseillers numériques : cas 1, 2 ou 3';
    }
    if (c.carries === true && !carries) {
      return 'suppose un coordinateur déjà en poste chez vous';
    }
    if (c.carries === false && carries) {
      return 'votre structure porte déjà un poste de coordination : cas 5';
    }
    return null;
  };

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
          <p className="fr-mb-1w">
            Nature juridique : {employer.legalKindLabel},{' '}
            {employer.eligibleForCoordination
              ? <strong>éligible à un poste de coordinateur</strong>
              : <strong>non éligible à un poste de coordinateur</strong>}.
          </p>
          <p className="fr-mb-1w">
            Dans le dispositif : {inProgramme ? 'oui' : 'non'} ; poste de coordination déjà porté : {carries ? 'oui' : 'non'}.
            {chosenCase && (caseFit(chosenCase) ? ` Le cas choisi ne convient pas : ${caseFit(chosenCase)}.` : ' Le cas choisi convient.')}
          </p>
          {!contractType && <p className="fr-mb-1w">Choisissez un type de contrat pour voir le montant.</p>}
          {contractType && !line && (
            <p className="fr-mb-1w"><strong>Aucune ligne du barème</strong> ne finance un {CONTRACTS[contractType]} pour votre structure.</p>
          )}
          {line && (
            <>
              <p className="maillage-figure fr-mb-0" id="montant">{formatEuros(line.amountEur)}</p>
              <p className="fr-mb-1w">sur {line.periodMonths} mois ({line.applicantLabel}){line.note ? ` – ${line.note}` : ''}</p>
              {chosenCase && ['EXTEND_COORDINATION_POST', 'CONVERT_ADVISER_POST'].includes(chosenCase.value) && (
                <p className="fr-text--sm fr-mb-1w">Le financement commence au terme du financement initial du poste existant.</p>
              )}
            </>
          )}
          <p className="fr-text--sm fr-mb-0">
            Calcul à partir du barème de la campagne ({campaign?.code}) et de la nature juridique de votre structure ; le
            service le refait à l'enregistrement du brouillon, puis au dépôt, et vérifie chaque point.
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
