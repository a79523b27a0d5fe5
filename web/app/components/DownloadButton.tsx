import { useState } from 'react';
import { download } from '../api';

/**
 * A button that downloads one of the service's files with the caller's token (a plain link would go without it), its
 * refusal shown in French beside it.
 */
export function DownloadButton({ url, label, detail, secondary = true }: { url: string; label: string; detail: string; secondary?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const start = () => {
    setBusy(true);
    setProblem(null);
    download(url).catch((error: Error) => setProblem(error.message)).finally(() => setBusy(false));
  };
  return (
    <>
      <button type="button" className={`fr-btn fr-btn--sm fr-btn--icon-left fr-icon-download-line${secondary ? ' fr-btn--secondary' : ''}`}
        onClick={start} disabled={busy} aria-busy={busy} title={`${label} – ${detail}`}>
        {busy ? 'Téléchargement…' : label}<span className="fr-sr-only"> – {detail}</span>
      </button>
      {problem && <p className="fr-error-text" role="alert">{problem}</p>}
    </>
  );
}
