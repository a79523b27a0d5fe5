import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { graphql } from '../api';
import { formatInteger, LEVEL_LABELS, territoryPath } from '../format';

type Match = { territory: { level: string; code: string; name: string; population: number } };

const SEARCH = `query Search($text: String!) {
  searchTerritories(text: $text, first: 8) { territory { level code name population } }
}`;

/**
 * A territory by its name, INSEE code, SIREN or postal code, as searchTerritories finds it: suggestions as one types
 * (a combobox the keyboard drives: arrows, Enter, Escape), Enter or a click opens the territory's page.
 */
export function TerritorySearch({ label = 'Rechercher un territoire' }: { label?: string }) {
  const id = useId();
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Match[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    window.clearTimeout(timer.current);
    if (text.trim().length < 2) {
      setMatches([]);
      return undefined;
    }
    const controller = new AbortController();
    timer.current = window.setTimeout(() => {
      graphql<{ searchTerritories: Match[] }>(SEARCH, { text }, controller.signal)
        .then((data) => {
          setMatches(data.searchTerritories);
          setActive(data.searchTerritories.length ? 0 : -1);
          setOpen(true);
          setProblem(null);
        })
        .catch((error: Error) => {
          if (error.name !== 'AbortError') {
            setProblem(error.message);
          }
        });
    }, 200);
    return () => controller.abort();
  }, [text]);

  const choose = (match: Match | undefined) => {
    if (match) {
      setOpen(false);
      navigate(territoryPath(match.territory.level, match.territory.code));
    }
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const listId = `${id}-suggestions`;
  return (
    <div className="fr-search-bar fr-search-bar--lg" role="search" style={{ position: 'relative' }}>
      <label className="fr-label" htmlFor={`${id}-input`}>{label}</label>
      <input className="fr-input" id={`${id}-input`} type="search" placeholder="Commune, EPCI, département, région, code INSEE, code postal…"
        autoComplete="off" role="combobox" aria-autocomplete="list" aria-expanded={open && matches.length > 0}
        aria-controls={listId} aria-activedescendant={active >= 0 && open ? `${id}-option-${active}` : undefined}
        value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKey} onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => matches.length && setOpen(true)} />
      <button className="fr-btn" title="Rechercher" type="button" onClick={() => choose(matches[Math.max(active, 0)])}>Rechercher</button>
      {open && matches.length > 0 && (
        <ul className="maillage-suggestions" id={listId} role="listbox" aria-label="Territoires trouvés" style={{ top: '100%' }}>
          {matches.map((m, i) => (
            <li key={`${m.territory.level}-${m.territory.code}`} id={`${id}-option-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); choose(m); }} onMouseEnter={() => setActive(i)}>
              <strong>{m.territory.name}</strong>{' '}
              <span className="fr-text--sm">{LEVEL_LABELS[m.territory.level]} {m.territory.code} · {formatInteger(m.territory.population)} hab.</span>
            </li>
          ))}
        </ul>
      )}
      <p className="fr-sr-only" aria-live="polite">{open ? `${matches.length} territoires proposés` : ''}</p>
      {problem && <p className="fr-error-text" role="alert">{problem}</p>}
    </div>
  );
}
