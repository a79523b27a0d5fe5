// The actors of the network map as the pages draw them: each kind a DSFR illustrative colour AND a shape, so that no
// kind is told by colour alone.
import { ApiError, authorization, type GraphQlError } from './api';

export type ActorKind = 'HUB' | 'COORDINATOR' | 'ADVISER' | 'EMPLOYER' | 'PLACE' | 'PARTNER';

export type MapNode = { id: string; kind: ActorKind; label: string; territoryCode: string | null; count: number };
export type MapEdge = { source: string; target: string; kind: string; count: number };

/** Shapes as cytoscape names them, and the same shape as an SVG path for the legend (24×24 box). */
export const KINDS: { kind: ActorKind; label: string; plural: string; colour: string; shape: string; svg: string }[] = [
  { kind: 'HUB', label: 'Hub', plural: 'Hubs', colour: '#000091', shape: 'star',
    svg: 'M12 1l3.1 7 7.6.7-5.8 5 1.8 7.4L12 17.3 5.3 21.1l1.8-7.4-5.8-5 7.6-.7z' },
  { kind: 'COORDINATOR', label: 'Coordinateur', plural: 'Coordinateurs', colour: '#c9191e', shape: 'diamond',
    svg: 'M12 1l11 11-11 11L1 12z' },
  { kind: 'ADVISER', label: 'Conseiller', plural: 'Conseillers', colour: '#417dc4', shape: 'ellipse',
    svg: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z' },
  { kind: 'EMPLOYER', label: 'Employeur', plural: 'Employeurs', colour: '#009081', shape: 'round-rectangle',
    svg: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z' },
  { kind: 'PLACE', label: 'Lieu de médiation', plural: 'Lieux de médiation', colour: '#a558a0', shape: 'triangle',
    svg: 'M12 2l11 20H1z' },
  { kind: 'PARTNER', label: 'Partenaire', plural: 'Partenaires', colour: '#c3992a', shape: 'hexagon',
    svg: 'M6 2h12l6 10-6 10H6L0 12z' },
];

export const KIND: Record<string, (typeof KINDS)[number]> = Object.fromEntries(KINDS.map((k) => [k.kind, k]));

export const LINK_LABELS: Record<string, string> = {
  EMPLOYED_BY: 'employé par', WORKS_AT: 'intervient dans', COORDINATES: 'coordonne', SUPPORTS: 'soutient',
  PARTNERS_WITH: 'travaille avec',
};

/** A 32-bit FNV-1a hash: the same id always lands at the same place. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Text compared without case nor accents: « eglise » finds « Église ». */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * One GraphQL operation whose refused fields come back as null instead of failing the whole answer: the personal
 * fields of an adviser the caller may not read are then shown as "—". Other errors still throw.
 */
export async function graphqlAllowingRefusals<T>(query: string, variables: Record<string, unknown>,
  signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authorization() },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = await response.json().catch(() => null) as { data?: T; errors?: GraphQlError[] } | null;
  if (!body || body.data == null) {
    const errors = body?.errors ?? [];
    throw new ApiError(errors.length ? errors.map((e) => e.message).join(' · ')
      : `Le service a répondu HTTP ${response.status}.`, errors, response.status);
  }
  const other = (body.errors ?? []).filter((e) => e.extensions?.classification !== 'FORBIDDEN');
  if (other.length) {
    throw new ApiError(other.map((e) => e.message).join(' · '), other, response.status);
  }
  return body.data;
}
