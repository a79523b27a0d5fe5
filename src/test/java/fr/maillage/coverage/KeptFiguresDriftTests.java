package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.maillage.coverage.CoverageModel.Lacking;
import fr.maillage.database.GraphVersion;
import fr.maillage.graphql.PageRequest;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.MediaType;

/**
 * Figures kept between writes never drift: after each of a seeded series of random writes (hires, contract ends,
 * perimeter changes, imports, erasures, and a write made straight in Cypher, outside the service), every diagnosis,
 * France's figures, coverage gaps (national and in a region) and the network maps, served from what is kept, equal a
 * from-scratch computation. Kept figures are
 * really served: asked again without a write in between, a diagnosis or a map reads nothing but its territory.
 */
class KeptFiguresDriftTests extends CoverageFixture {

    static final List<TerritoryRef> DIAGNOSED = List.of(new TerritoryRef(TerritoryLevel.REGION, "94"),
            new TerritoryRef(TerritoryLevel.DEPARTMENT, "2B"), new TerritoryRef(TerritoryLevel.DEPARTMENT, "2A"),
            new TerritoryRef(TerritoryLevel.DEPARTMENT, "48"), new TerritoryRef(TerritoryLevel.COMMUNE, "2B033"),
            new TerritoryRef(TerritoryLevel.COMMUNE, "85113"));
    static final List<LocalDate> DATES = List.of(LocalDate.parse(REFERENCE_DATE), LocalDate.parse("2025-04-15"));

    @Autowired
    DiagnosisService diagnoses;
    @Autowired
    CoverageRepository coverage;
    @Autowired
    TerritoryRepository territories;
    @Autowired
    Clock clock;
    @Autowired
    GraphVersion version;
    @Autowired
    Neo4jClient neo4j;

    static final List<TerritoryRef> MAPPED = List.of(new TerritoryRef(TerritoryLevel.REGION, "94"),
            new TerritoryRef(TerritoryLevel.DEPARTMENT, "48"));

    /**
     * Every answer a diagnosis gives, France's figures, and the network maps, for each territory and date. Maps are
     * asked with {@code maxNodes} 2,000 (kept), or from scratch with a bound never asked before: the fixture's maps
     * are far below either bound, so both draw every actor.
     */
    List<Object> answers(DiagnosisService service, CoverageRepository repository, int mapBound) {
        var answers = new ArrayList<Object>();
        for (var date : DATES) {
            answers.add(service.france(date));
            for (var within : Arrays.asList(null, new TerritoryRef(TerritoryLevel.REGION, "94"))) {
                answers.add(repository.gaps(TerritoryLevel.EPCI, within, List.of(Lacking.COORDINATOR), true, date,
                        new PageRequest(20, null), EnumSet.allOf(CoverageRepository.Figure.class)));
                answers.add(repository.gaps(TerritoryLevel.DEPARTMENT, within, List.of(Lacking.ADVISER), false, date,
                        new PageRequest(20, null), EnumSet.noneOf(CoverageRepository.Figure.class)));
            }
            for (var ref : DIAGNOSED) {
                var diagnosed = service.diagnose(ref, date, 3);
                answers.add(List.of(diagnosed.diagnosis(), diagnosed.own(), diagnosed.parent(), diagnosed.france()));
            }
            for (var ref : MAPPED) {
                answers.add(asAnct().document("""
                        query($level: TerritoryLevel!, $code: String!, $bound: Int!, $date: Date!) {
                          networkMap(level: $level, code: $code, maxNodes: $bound, referenceDate: $date) {
                            summarised actorCount linkCount nodes { id kind label count } edges { source target kind count }
                          } }""").variable("level", ref.level().name()).variable("code", ref.code())
                        .variable("bound", mapBound).variable("date", date.toString()).execute()
                        .path("networkMap").entity(Object.class).get());
            }
        }
        return answers;
    }

    List<Object> kept() {
        return answers(diagnoses, coverage, 2_000);
    }

    @Test
    void keptFiguresEqualTheFromScratchFiguresAfterEveryRandomWrite() {
        var repositoryFromScratch = new CoverageRepository(neo4j, KeptFigures.none());
        var fromScratch = new DiagnosisService(repositoryFromScratch, territories, clock, KeptFigures.none());
        var random = new Random(20261201);
        int neverAsked = 1_000;
        var previous = kept();
        assertThat(previous).isEqualTo(answers(fromScratch, repositoryFromScratch, neverAsked++));
        int changedFigures = 0;
        var writes = new ArrayList<String>();
        for (int step = 0; step < 24; step++) {
            long before = version.current().orElseThrow();
            writes.add(randomWrite(random, step));
            assertThat(version.current().orElseThrow()).as("a write moves the version").isGreaterThan(before);

            var kept = kept();
            assertThat(kept).as("after %s", writes).isEqualTo(answers(fromScratch, repositoryFromScratch, neverAsked++));
            // asked again without a write in between: served from what is kept, the territory only is read
            assertThat(statementsOf(() -> assertThat(kept()).isEqualTo(kept)))
                    .isEqualTo(DATES.size() * (DIAGNOSED.size() + MAPPED.size()));
            if (!kept.equals(previous)) {
                changedFigures++;
            }
            previous = kept;
        }
        // the writes did change what is kept: served stale, the comparison above would have failed
        assertThat(changedFigures).as("writes that changed a figure, of %s", writes).isGreaterThanOrEqualTo(12);
    }

    private String randomWrite(Random random, int step) {
        var adviser = List.of("C1", "A1", "A2", "A3", "C2", "A4", "C3").get(random.nextInt(7));
        return switch (random.nextInt(6)) {
            case 0 -> {
                var employer = List.of("E1", "E2", "E3", "E4").get(random.nextInt(4));
                var start = List.of("2024-01-01", "2025-02-01").get(random.nextInt(2));
                asAnct().document("""
                        mutation($employer: ID!, $start: Date!) { hireAdviser(input: {employerId: $employer,
                          firstName: "Lucia", lastName: "Recrue", contractType: PROJECT_CONTRACT, start: $start,
                          end: "2026-12-31"}) { id } }""")
                        .variable("employer", employer).variable("start", start).execute().errors().verify();
                yield "hire at " + employer + " from " + start;
            }
            case 1 -> {
                var end = List.of("2025-01-10", "2025-03-01").get(random.nextInt(2));
                var refused = asAnct().document("mutation($id: ID!, $end: Date!) { endContract(adviserId: $id, end: $end) { id } }")
                        .variable("id", adviser).variable("end", end).execute().returnResponse().getErrors();
                if (!refused.isEmpty()) {
                    // refused (no running contract, or an end before its start): a write straight in Cypher instead
                    write("MATCH (a:Adviser {id: $id}) SET a.status = 'INACTIVE'", Map.of("id", adviser));
                    yield "Cypher: " + adviser + " inactive";
                }
                yield "contract of " + adviser + " ends " + end;
            }
            case 2 -> {
                var coordinator = List.of("C1", "C2", "C3").get(random.nextInt(3));
                var perimeter = List.of("{kind: REGION, territories: [{level: REGION, code: \"94\"}]}",
                        "{kind: DEPARTMENT, territories: [{level: DEPARTMENT, code: \"2B\"}]}",
                        "{kind: DEPARTMENT, territories: [{level: DEPARTMENT, code: \"85\"}]}",
                        "{kind: INTERCOMMUNAL, territories: [{level: COMMUNE, code: \"2B033\"}]}")
                        .get(random.nextInt(4));
                asAnct().document("mutation($id: ID!) { setPerimeter(coordinatorId: $id, perimeter: " + perimeter
                        + ") { id } }").variable("id", coordinator).execute().errors().verify();
                yield "perimeter of " + coordinator + ": " + perimeter;
            }
            case 3 -> {
                var commune = List.of("2B033", "2A004", "48198", "2B050").get(random.nextInt(4));
                var csv = "id;nom;adresse;code_insee;services\nlieu-importe-%d;Lieu importé %d;1 place de la Mairie;%s;%s\n"
                        .formatted(step, step, commune, "Aide aux démarches administratives");
                http(anct()).post().uri("/api/imports/places?dryRun=false").contentType(new MediaType("text", "csv",
                        StandardCharsets.UTF_8)).bodyValue(csv.getBytes(StandardCharsets.UTF_8)).exchange()
                        .expectStatus().isOk();
                yield "import of a place in " + commune;
            }
            case 4 -> {
                asAnct().document("mutation($id: ID!) { eraseAdviserPersonalData(adviserId: $id) { id } }")
                        .variable("id", adviser).execute();
                yield "erasure of " + adviser;
            }
            default -> {
                // outside the service: a place removed or an adviser's place moved, straight in Cypher
                write("MATCH (p:Place) WITH p ORDER BY p.id LIMIT 1 DETACH DELETE p", Map.of());
                yield "Cypher: a place removed";
            }
        };
    }
}
