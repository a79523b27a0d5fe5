import { Link } from 'wouter';
import { TerritorySearch } from '../components/TerritorySearch';
import { formatDate, formatDecimal, formatInteger, formatPercent } from '../format';
import { useQuery } from '../useQuery';

export type FranceCoverage = {
  referenceDate: string; population: number; communes: number; advisers: number; advisersPer10000: number | null;
  coordinators: number; places: number; coveredPopulation: number; coordinatorCoverage: number; status: string;
};

export const FRANCE_FIELDS = `referenceDate population communes advisers advisersPer10000 coordinators places
  coveredPopulation coordinatorCoverage status`;

const FRANCE = `query France { franceCoverage { ${FRANCE_FIELDS} } }`;

export function HomePage() {
  return (
    <>
      <h1>Le réseau de l'inclusion numérique, territoire par territoire</h1>
      <p className="fr-text--lead">
        Conseillers numériques, coordinateurs, employeurs, hubs, lieux de médiation et partenaires locaux : où ils sont,
        qui coordonne qui, et quels territoires en manquent.
      </p>
      <div className="fr-grid-row fr-mb-6w">
        <div className="fr-col-12 fr-col-md-8">
          <TerritorySearch />
        </div>
      </div>
      <FranceFigures />
      <div className="fr-grid-row fr-grid-row--gutters">
        <Tile href="/carte" title="Carte de la couverture" text="Les départements et les régions selon leur couverture par un coordinateur ou leurs conseillers pour 10 000 habitants." />
      </div>
    </>
  );
}

/** France's figures: the network's size and how much of the population a coordinator covers. */
function FranceFigures() {
  const { data, error, loading } = useQuery<{ franceCoverage: FranceCoverage }>(FRANCE);
  const france = data?.franceCoverage;
  return (
    <section className="fr-mb-6w" aria-labelledby="chiffres-france">
      <h2 id="chiffres-france">La France en chiffres</h2>
      {loading && <p role="status">Chargement…</p>}
      {error && (
        <div className="fr-alert fr-alert--error fr-alert--sm" role="alert">
          <p>Les chiffres de la France n'ont pas pu être chargés : {error.message}</p>
        </div>
      )}
      {france && (
        <>
          <p className="fr-text--sm">Au {formatDate(france.referenceDate)}, pour {formatInteger(france.communes)} communes.</p>
          <ul className="fr-raw-list fr-grid-row fr-grid-row--gutters" aria-label="Chiffres de la France">
            <Figure value={formatInteger(france.population)} label="habitants (population municipale)" />
            <Figure value={formatInteger(france.advisers)} label="conseillers numériques actifs" />
            <Figure value={formatDecimal(france.advisersPer10000)} label="conseillers pour 10 000 habitants" />
            <Figure value={formatInteger(france.coordinators)} label="coordinateurs actifs" />
            <Figure value={formatPercent(france.coordinatorCoverage)}
              label={`de la population couverte par un coordinateur (${formatInteger(france.coveredPopulation)} habitants)`} />
            <Figure value={formatInteger(france.places)} label="lieux de médiation numérique" />
          </ul>
        </>
      )}
    </section>
  );
}

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <li className="fr-col-12 fr-col-sm-6 fr-col-md-4">
      <div className="fr-tile fr-tile--sm">
        <div className="fr-tile__body">
          <div className="fr-tile__content">
            <p className="maillage-figure">{value}</p>
            <p className="fr-tile__detail">{label}</p>
          </div>
        </div>
      </div>
    </li>
  );
}

function Tile({ href, title, text }: { href: string; title: string; text: string }) {
  return (
    <div className="fr-col-12 fr-col-md-4">
      <div className="fr-tile fr-enlarge-link">
        <div className="fr-tile__body">
          <div className="fr-tile__content">
            <h2 className="fr-tile__title"><Link href={href}>{title}</Link></h2>
            <p className="fr-tile__detail">{text}</p>
          </div>
        </div>
      </div>
    </div>
  );
}
