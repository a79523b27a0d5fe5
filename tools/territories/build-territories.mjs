// Derives the compact territorial referential Maillage loads at start from @etalab/decoupage-administratif
// (MIT licence, data: INSEE Code officiel géographique). Usage: npm install && npm run build
// Output: ../../src/main/resources/territories/territories.tsv.gz, one record a line, tab-separated:
//   R  code  name  typeLiaison  chefLieu  zone
//   D  code  regionCode  name  typeLiaison  chefLieu  zone
//   E  siren  name  nature
//   C  code  name  departmentCode  epciSiren|-  population  postalCodes(,)  siren  typeLiaison
//   A  code  name  communeCode  kind
// C records are the current communes ("commune-actuelle"); a commune without population counts 0.
// A records are the codes and names that are no longer a current commune but lie in one (communeCode), for the imports
// to place rows that name them. kind: COMD (commune déléguée) and COMA (commune associée) with their chefLieu,
// ARM (arrondissement municipal of Paris, Lyon, Marseille) with its commune, ANCIEN (an INSEE code of a commune merged
// away without delegated status: the package lists it in the current commune's anciensCodes, without its name).
// The package publishes no postal codes for them: their postal codes are those of the current commune.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const pkg = '@etalab/decoupage-administratif';
const version = require(`${pkg}/package.json`).version;
const load = (name) => require(`${pkg}/data/${name}.json`);

const clean = (s) => String(s).replace(/[\t\r\n]/g, ' ');
const regions = load('regions');
const departements = load('departements');
const epcis = load('epci');
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const allCommunes = load('communes');
const communes = allCommunes.filter((c) => c.type === 'commune-actuelle');
const formerKinds = { 'commune-deleguee': 'COMD', 'commune-associee': 'COMA', 'arrondissement-municipal': 'ARM' };
const former = [];
for (const c of allCommunes) {
  if (formerKinds[c.type]) former.push({ code: c.code, name: clean(c.nom), commune: c.chefLieu ?? c.commune, kind: formerKinds[c.type] });
}
const named = new Set(former.map((f) => `${f.code}>${f.commune}`));
for (const c of communes) {
  for (const code of c.anciensCodes ?? []) {
    if (!named.has(`${code}>${c.code}`)) former.push({ code, name: '', commune: c.code, kind: 'ANCIEN' });
  }
}
const current = new Set(communes.map((c) => c.code));
const stray = former.filter((f) => !current.has(f.commune));
if (stray.length) throw new Error(`former communes outside any current commune: ${JSON.stringify(stray.slice(0, 5))}`);
const byCodeThenCommune = (a, b) => byCode(a, b) || (a.commune < b.commune ? -1 : a.commune > b.commune ? 1 : 0);

const epciOf = new Map();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

const lines = [`# source: ${pkg}@${version} (MIT), data INSEE Code officiel géographique`];
for (const r of [...regions].sort(byCode))
  lines.push(['R', r.code, clean(r.nom), r.typeLiaison ?? 0, r.chefLieu ?? '', r.zone ?? ''].join('\t'));
for (const d of [...departements].sort(byCode))
  lines.push(['D', d.code, d.region, clean(d.nom), d.typeLiaison ?? 0, d.chefLieu ?? '', d.zone ?? ''].join('\t'));
for (const e of [...epcis].sort(byCode))
  lines.push(['E', e.code, clean(e.nom), e.type].join('\t'));
for (const c of [...communes].sort(byCode))
  lines.push(['C', c.code, clean(c.nom), c.departement, epciOf.get(c.code) ?? '-', c.population ?? 0,
    (c.codesPostaux ?? []).join(','), c.siren ?? '', c.typeLiaison ?? 0].join('\t'));
for (const f of former.sort(byCodeThenCommune))
  lines.push(['A', f.code, f.name, f.commune, f.kind].join('\t'));

const out = new URL('../../src/main/resources/territories/territories.tsv.gz', import.meta.url);
writeFileSync(out, gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));
const population = communes.reduce((s, c) => s + (c.population ?? 0), 0);
console.log(`${regions.length} regions, ${departements.length} départements, ${epcis.length} EPCI, ` +
  `${communes.length} communes, population ${population}, ${former.length} former communes and municipal ` +
  `arrondissements -> ${out.pathname}`);
