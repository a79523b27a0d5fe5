// What the application pages share: the fields read, the status badges, the table of applications, the exports.
import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError, download } from '../../api';
import { formatDate, formatInteger, territoryPath } from '../../format';
import type { Session } from '../../session';

export type Territory = { level: string; code: string; name: string };

export type ApplicationRow = {
  id: string;
  reference: string;
  status: string;
  statusLabel: string;
  caseLabel: string;
  campaign: { code: string };
  employer: { name: string };
  perimeter: { territories: Territory[]; departmentCodes: string[]; population: number };
  funding: { amountEur: number; periodMonths: number };
  submittedOn: string | null;
  notificationDueOn: string | null;
  overdue: string[];
};

/** The fields of a row, as every role may read them (no person named). */
export const ROW_FIELDS = `id reference status statusLabel caseLabel campaign { code } employer { name }
  perimeter { territories { level code name } departmentCodes population } funding { amountEur periodMonths }
  submittedOn notificationDueOn overdue`;

export type Connection<T> = { totalCount: number; nodes: T[] };

/** Contract types, as the schema describes them. */
export const CONTRACTS: Record<string, string> = {
  CDI_PUBLIC: 'CDI de droit public', CDD_PUBLIC: 'CDD de droit public', CIVIL_SERVANT: 'Titulaire de la fonction publique',
  PROJECT_CONTRACT: 'Contrat de projet', CDI_PRIVATE: 'CDI de droit privé', CDD_PRIVATE: 'CDD de droit privé', OTHER: 'Autre contrat',
};

export const CURRENT_CAMPAIGN = 'AAC-COORD-2023';

export const formatEuros = (n: number | null | undefined): string => (n == null ? '–' : `${formatInteger(n)} €`);

/** DSFR badge of a status: a colour and always its words (never the colour alone). */
const BADGES: Record<string, string> = {
  DRAFT: 'fr-badge--new', SUBMITTED: 'fr-badge--info', REVIEWED: 'fr-badge--info', ACCEPTED: 'fr-badge--success',
  REFUSED: 'fr-badge--error', NOTIFIED: 'fr-badge--info', RECRUITED: 'fr-badge--success',
  CONVENTION_SIGNED: 'fr-badge--success', SUBSIDY_PAID: 'fr-badge--success', WITHDRAWN: '',
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <p className={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGES[status] ?? ''}`}>{label}</p>;
}

/** Late deadlines, in words, with a warning badge. */
export function Overdue({ overdue }: { overdue: string[] }) {
  if (!overdue.length) {
    return null;
  }
  return (
    <>
      <p className="fr-badge fr-badge--sm fr-badge--warning">En retard</p>
      {overdue.map((o) => <span key={o} className="fr-text--xs fr-mb-0" style={{ display: 'block' }}>{o}</span>)}
    </>
  );
}

export function Zone({ territories }: { territories: Territory[] }) {
  return (
    <>
      {territories.map((t, i) => (
        <span key={`${t.level}-${t.code}`}>{i > 0 && ', '}<Link href={territoryPath(t.level, t.code)}>{t.name}</Link></span>
      ))}
    </>
  );
}

/** The applications as a DSFR table, each linked to its page; `empty` when there are none. */
export function ApplicationsTable({ caption, rows, total, empty, showEmployer = true, hideCaption = false }: {
  caption: string; rows: ApplicationRow[]; total: number; empty: string; showEmployer?: boolean;
  /** The caption is read by screen readers only: a heading just above already says it. */
  hideCaption?: boolean;
}) {
  if (!rows.length) {
    return <p>{empty}</p>;
  }
  return (
    <div className={`fr-table${hideCaption ? ' fr-table--no-caption' : ''}`}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}{total > rows.length ? ` (${rows.length} premières sur ${formatInteger(total)})` : ` (${formatInteger(total)})`}</caption>
              <thead>
                <tr>
                  <th scope="col">Référence</th>
                  {showEmployer && <th scope="col">Structure</th>}
                  <th scope="col">Cas</th>
                  <th scope="col">Zone</th>
                  <th scope="col">Statut</th>
                  <th scope="col" className="fr-cell--right">Subvention</th>
                  <th scope="col">Déposée le</th>
                  <th scope="col">Échéances</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id}>
                    <td><Link href={`/candidatures/${encodeURIComponent(a.id)}`}>{a.reference}</Link></td>
                    {showEmployer && <td>{a.employer.name}</td>}
                    <td>{a.caseLabel}</td>
                    <td><Zone territories={a.perimeter.territories} /></td>
                    <td><StatusBadge status={a.status} label={a.statusLabel} /></td>
                    <td className="fr-cell--right">{formatEuros(a.funding.amountEur)}<br /><span className="fr-text--xs">{a.funding.periodMonths} mois</span></td>
                    <td>{a.submittedOn ? formatDate(a.submittedOn) : 'non déposée'}</td>
                    <td>{a.overdue.length ? <Overdue overdue={a.overdue} /> : 'à jour'}</td>
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

export function Loading() {
  return <p role="status">Chargement…</p>;
}

export function Problem({ error }: { error: ApiError | Error }) {
  return (
    <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
      <h3 className="fr-alert__title">Le service a refusé ou n'a pas pu répondre</h3>
      <p>{error.message}</p>
    </div>
  );
}

/** A callout for those the service would refuse: what the page is for, and whom to sign in as. */
export function SignInCallout({ text }: { text: string }) {
  return (
    <div className="fr-callout fr-mb-4w">
      <h2 className="fr-callout__title">Connectez-vous pour suivre les candidatures</h2>
      <p className="fr-callout__text">{text}</p>
    </div>
  );
}

/** Export buttons: each file downloaded with the caller's token; a refusal is said in words. */
export function ExportButtons({ label, urls }: { label: string; urls: { url: string; text: string }[] }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
        {urls.map((u) => (
          <li key={u.url}>
            <button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line" title={`${u.text} : ${label}`}
              onClick={() => { setProblem(null); download(u.url).catch((e: Error) => setProblem(e.message)); }}>
              {u.text}
            </button>
          </li>
        ))}
      </ul>
      {problem && <p className="fr-error-text" role="alert">{problem}</p>}
    </>
  );
}

/** What the caller's token covers, e.g. the départements of a prefecture (development token or provider's token). */
export function scopeOf(session: Session | null, key: 'departments' | 'regions' | 'sirets'): string[] {
  return session?.scope[key] ?? [];
}

/** French field-by-field problems of a GraphQL error: field (without "input.") → messages. */
export function fieldProblems(error: unknown): { byField: Record<string, string[]>; other: string[] } {
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  if (error instanceof ApiError && error.errors.length) {
    for (const e of error.errors) {
      const field = e.extensions?.field?.replace(/^input\./, '').replace(/^perimeter\..*/, 'perimeter');
      const reason = (e.extensions as { reason?: string } | undefined)?.reason ?? e.message;
      if (field) {
        (byField[field] ??= []).push(reason);
      } else {
        other.push(e.message);
      }
    }
  } else {
    other.push((error as Error).message);
  }
  return { byField, other };
}
