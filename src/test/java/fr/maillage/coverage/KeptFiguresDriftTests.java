package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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

/**
 * Figures kept between writes never drift: after each of a seeded series of random writes (hires, contract ends,
 * perimeter changes, imports, erasures, and a write made straight in Cypher, outside the service), every diagnosis,
 * France's figures and coverage gaps (national and in a region), served from what is kept, equal a from-scratch
 * computation. Kept figures are really served: asked again without a write in between, a diagnosis reads nothing but
 * its territory. (The network maps: KeptMapsDriftTests.)
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

    /** Every answer a diagnosis gives, France's figures and coverage gaps, for each territory and date. */
    List<Object> answers(DiagnosisService service, CoverageRepository repository) {
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
        }
        return answers;
    }

    List<Object> kept() {
        return answers(diagnoses, coverage);
    }

    @Test
    void keptFiguresEqualTheFromScratchFiguresAfterEveryRandomWrite() {
        var repositoryFromScratch = new CoverageRepository(neo4j, KeptFigures.none());
        var fromScratch = new DiagnosisService(repositoryFromScratch, territories, clock, KeptFigures.none());
        var random = new Random(20261201);
        var previous = kept();
        assertThat(previous).isEqualTo(answers(fromScratch, repositoryFromScratch));
        int changedFigures = 0;
        var writes = new ArrayList<String>();
        for (int step = 0; step < 24; step++) {
            long before = version.current().orElseThrow();
            writes.add(randomWrite(random, step));
            // a write that changes nothing (a status set to the one it had, an erasure refused) may leave it
            boolean movedVersion = version.current().orElseThrow() > before;

            var kept = kept();
            assertThat(kept).as("after %s", writes).isEqualTo(answers(fromScratch, repositoryFromScratch));
            // asked again without a write in between: served from what is kept, the territory only is read
            assertThat(statementsOf(() -> assertThat(kept()).isEqualTo(kept)))
                    .isEqualTo(DATES.size() * DIAGNOSED.size());
            if (!kept.equals(previous)) {
                changedFigures++;
                assertThat(movedVersion).as("a write that changed a figure moved the version: %s", writes).isTrue();
            }
            previous = kept;
        }
        // the writes did change what is kept: served stale, the comparison above would have failed
        assertThat(changedFigures).as("writes that changed a figure, of %s", writes).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aReadOfAdvisersNamesLeavesAnAuditRecordAndKeepsTheFigures() {
        String diagnosis = "{ diagnosis(level: DEPARTMENT, code: \"2B\", referenceDate: \"" + REFERENCE_DATE
                + "\") { advisers coveredPopulation } }";
        String readsOfA1 = "MATCH (e:AuditEvent {action: 'READ_PERSONAL_DATA'}) WHERE 'A1' IN e.adviserIds RETURN count(e)";
        asAnct().document(diagnosis).execute();
        long audited = count(readsOfA1);
        long before = version.current().orElseThrow();

        asAnct().document("{ adviser(id: \"A1\") { lastName } }").execute()
                .path("adviser.lastName").entity(String.class).isEqualTo("Nom A1");

        assertThat(count(readsOfA1)).as("the read is in the audit trail").isEqualTo(audited + 1);
        assertThat(version.current().orElseThrow()).as("an audit record is not a write of the network")
                .isEqualTo(before);
        // the diagnosis is still kept: only its territory is read
        assertThat(statementsOf(() -> asAnct().document(diagnosis).execute()
                .path("diagnosis.advisers").entity(Integer.class).isEqualTo(1))).isEqualTo(1);
    }
}
