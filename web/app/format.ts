// Numbers, shares and dates as a French reader writes them.
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

export const formatInteger = (n: number | null | undefined): string => (n == null ? '–' : integer.format(n));
export const formatDecimal = (n: number | null | undefined): string => (n == null ? '–' : decimal.format(n));
export const formatPercent = (n: number | null | undefined): string => (n == null ? '–' : percent.format(n));
export const formatDate = (iso: string | null | undefined): string =>
  (iso ? day.format(new Date(`${iso}T12:00:00`)) : '–');

export const LEVEL_LABELS: Record<string, string> = {
  REGION: 'Région', DEPARTMENT: 'Département', EPCI: 'EPCI', COMMUNE: 'Commune',
};

/** The path of a territory's page: /territoires/departement/2A. */
export const LEVEL_SLUGS: Record<string, string> = {
  REGION: 'region', DEPARTMENT: 'departement', EPCI: 'epci', COMMUNE: 'commune',
};

export function territoryPath(level: string, code: string): string {
  return `/territoires/${LEVEL_SLUGS[level] ?? level.toLowerCase()}/${encodeURIComponent(code)}`;
}

export function levelOfSlug(slug: string): string | null {
  return Object.entries(LEVEL_SLUGS).find(([, s]) => s === slug)?.[0] ?? null;
}

export const STATUS_LABELS: Record<string, string> = {
  COVERED: 'Couvert', PARTLY_COVERED: 'Couvert en partie', NOT_COVERED: 'Non couvert',
};
