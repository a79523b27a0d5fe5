import { useId, useState, type FormEvent } from 'react';
import { graphql } from '../../api';
import { fieldProblems } from './common';

const GIVE = `mutation($id: ID!, $d: String!, $f: Boolean!, $c: String) {
  givePrefectureOpinion(id: $id, departmentCode: $d, favourable: $f, comment: $c) { id status statusLabel }
}`;

/**
 * A prefecture's opinion on an application of its département: favourable or not, a comment (required by the
 * service when unfavourable). The service's messages are shown at the field they name.
 */
export function OpinionForm({ applicationId, department, reference, onDone }: {
  applicationId: string; department: string; reference: string; onDone: (confirmation: string) => void;
}) {
  const id = useId();
  const [favourable, setFavourable] = useState<'' | 'true' | 'false'>('');
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<{ byField: Record<string, string[]>; other: string[] }>({ byField: {}, other: [] });
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!favourable) {
      setProblems({ byField: { favourable: ['choisissez un avis favorable ou défavorable'] }, other: [] });
      return;
    }
    setSending(true);
    setProblems({ byField: {}, other: [] });
    graphql<{ givePrefectureOpinion: { statusLabel: string } }>(GIVE,
      { id: applicationId, d: department, f: favourable === 'true', c: comment.trim() || null })
      .then((data) => {
        const confirmation = `Avis ${favourable === 'true' ? 'favorable' : 'défavorable'} enregistré pour ${reference}. Statut : ${data.givePrefectureOpinion.statusLabel}.`;
        setDone(confirmation);
        onDone(confirmation);
      })
      .catch((error: unknown) => setProblems(fieldProblems(error)))
      .finally(() => setSending(false));
  };

  if (done) {
    return <div className="fr-alert fr-alert--success fr-alert--sm" role="status"><p>{done}</p></div>;
  }
  const errorOf = (field: string) => problems.byField[field]?.join(' ; ');
  return (
    <form onSubmit={submit} noValidate aria-label={`Avis de la préfecture ${department} sur ${reference}`}>
      {problems.other.length > 0 && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert"><p>{problems.other.join(' ; ')}</p></div>
      )}
      <fieldset className={`fr-fieldset${errorOf('favourable') ? ' fr-fieldset--error' : ''}`} id={`${id}-avis`}
        aria-labelledby={`${id}-avis-legend${errorOf('favourable') ? ` ${id}-avis-erreur` : ''}`}>
        <legend className="fr-fieldset__legend--regular fr-fieldset__legend" id={`${id}-avis-legend`}>
          Avis de la préfecture du département {department}
        </legend>
        {[['true', 'Favorable'], ['false', 'Défavorable']].map(([value, label]) => (
          <div className="fr-fieldset__element fr-fieldset__element--inline" key={value}>
            <div className="fr-radio-group">
              <input type="radio" id={`${id}-${value}`} name={`${id}-avis`} value={value} checked={favourable === value}
                onChange={() => setFavourable(value as 'true' | 'false')} />
              <label className="fr-label" htmlFor={`${id}-${value}`}>{label}</label>
            </div>
          </div>
        ))}
        {errorOf('favourable') && (
          <div className="fr-messages-group" id={`${id}-avis-erreur`} aria-live="assertive">
            <p className="fr-message fr-message--error">{errorOf('favourable')}</p>
          </div>
        )}
      </fieldset>
      <div className={`fr-input-group${errorOf('comment') ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor={`${id}-commentaire`}>
          Commentaire <span className="fr-hint-text">Obligatoire pour un avis défavorable : il le motive.</span>
        </label>
        <textarea className={`fr-input${errorOf('comment') ? ' fr-input--error' : ''}`} id={`${id}-commentaire`} rows={3}
          value={comment} onChange={(e) => setComment(e.target.value)}
          aria-describedby={errorOf('comment') ? `${id}-commentaire-erreur` : undefined} />
        {errorOf('comment') && <p className="fr-error-text" id={`${id}-commentaire-erreur`}>{errorOf('comment')}</p>}
      </div>
      <button className="fr-btn" type="submit" disabled={sending}>{sending ? 'Envoi…' : 'Donner l\'avis'}</button>
    </form>
  );
}
