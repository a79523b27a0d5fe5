// The coverage figures of territories (territoryCoverages) and the indicators the map and its tables show.
import { formatDecimal, formatPercent, STATUS_LABELS } from './format';

export type TerritoryCoverage = {
  territory: { code: string; name: string };
  population: number; communes: number; advisers: number; advisersPer10000: number | null; coordinators: number;
  places: number; coveredPopulation: number; coordinatorCoverage: number; status: string;
};

export const COVERAGE_FIELDS = `territory { code name } population communes advisers advisersPer10000 coordinators
  places coveredPopulation coordinatorCoverage status`;

type Figures = { advisersPer10000: number | null; coordinatorCoverage: number; status: string };

export type Indicator = {
  id: string;
  /** The indicator's name, above the map and in the choice. */
  label: string;
  /** Its column's header. */
  column: string;
  /** A number for the map's colour scale and the bars. */
  value: (figures: Figures) => number | null;
  /** As a French reader reads it. */
  format: (figures: Figures) => string;
  /** One of the map's values (the legend's ends) as a French reader reads it. */
  formatValue: (value: number) => string;
  /** The dsfr-chart palette. */
  palette: string;
  /** The top of the bars, when the indicator has one (a share). */
  scaleMax?: number;
};

const STATUS_VALUES: Record<string, number> = { NOT_COVERED: 0, PARTLY_COVERED: 1, COVERED: 2 };
const STATUS_OF_VALUE = ['NOT_COVERED', 'PARTLY_COVERED', 'COVERED'];

export const INDICATORS: Indicator[] = [
  {
    id: 'couverture',
    label: 'Part de la population couverte par un coordinateur',
    column: 'Population couverte',
    // in percent, to a tenth: the map's legend and tooltips read it
    value: (f) => Math.round(f.coordinatorCoverage * 1000) / 10,
    format: (f) => formatPercent(f.coordinatorCoverage),
    formatValue: (v) => formatPercent(v / 100),
    palette: 'sequentialAscending',
    scaleMax: 100,
  },
  {
    id: 'conseillers',
    label: 'Conseillers numériques pour 10 000 habitants',
    column: 'Conseillers pour 10 000 hab.',
    value: (f) => (f.advisersPer10000 == null ? null : Math.round(f.advisersPer10000 * 100) / 100),
    format: (f) => formatDecimal(f.advisersPer10000),
    formatValue: (v) => formatDecimal(v),
    palette: 'sequentialAscending',
  },
  {
    id: 'statut',
    label: 'Couverture par les coordinateurs (non couvert, en partie, couvert)',
    column: 'Statut',
    value: (f) => STATUS_VALUES[f.status] ?? null,
    format: (f) => STATUS_LABELS[f.status] ?? f.status,
    formatValue: (v) => STATUS_LABELS[STATUS_OF_VALUE[Math.round(v)]] ?? String(v),
    palette: 'divergentAscending',
    scaleMax: 2,
  },
];

/** The département codes the map draws: metropolitan France and the five overseas départements. */
export function isMappedDepartment(code: string): boolean {
  return code.length === 2 || ['971', '972', '973', '974', '976'].includes(code);
}

/** The 101 départements the map draws: 01 to 95 (2A and 2B for Corsica) and the five overseas. */
export const MAPPED_DEPARTMENTS: string[] = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).flatMap((code) => (code === '20' ? ['2A', '2B'] : [code])),
  '971', '972', '973', '974', '976',
];

/**
 * The keys of dsfr-chart's region map for the INSEE region codes: ISO 3166-2 codes in metropolitan France (its SVG
 * paths are FR-IDF, FR-ARA...), the département code overseas.
 */
export const REGION_MAP_KEYS: Record<string, string> = {
  11: 'IDF', 24: 'CVL', 27: 'BFC', 28: 'NOR', 32: 'HDF', 44: 'GES', 52: 'PDL', 53: 'BRE', 75: 'NAQ', 76: 'OCC',
  84: 'ARA', 93: 'PAC', 94: '20R', '01': '971', '02': '972', '03': '973', '04': '974', '06': '976',
};

/** The key of a territory on the map of its level; null for a territory the map does not draw. */
export function mapKey(level: string, code: string): string | null {
  if (level === 'REGION') {
    return REGION_MAP_KEYS[code] ?? null;
  }
  return isMappedDepartment(code) ? code : null;
}
