package fr.maillage.exploration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fr.maillage.coverage.CoverageFixture;
import fr.maillage.exploration.ExplorationModel.NetworkMap;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Network maps kept between writes never drift: after each of a seeded series of random writes on the network of
 * {@link CoverageFixture}, the maps the service answers equal maps drawn from scratch, full and summarised; asked
 * again without a write in between they read nothing but their territory.
 */
class KeptMapsDriftTests extends CoverageFixture {

    /** Territories mapped, with their region, at the bounds asked: above every actor (full) and below (summarised). */
    record Mapped(TerritoryRef ref, String regionCode) {
    }

    static final List<Mapped> MAPPED = List.of(new Mapped(new TerritoryRef(TerritoryLevel.REGION, "94"), "94"),
            new Mapped(new TerritoryRef(TerritoryLevel.DEPARTMENT, "48"), "76"));
    static final List<Integer> BOUNDS = List.of(2_000, 3);
    static final List<LocalDate> DATES = List.of(LocalDate.parse(REFERENCE_DATE), LocalDate.parse("2025-04-15"));

    @Autowired
    ExplorationRepository exploration;

    NetworkMap served(Mapped mapped, int bound, LocalDate date) {
        return graphQl().document("""
                query($level: TerritoryLevel!, $code: String!, $bound: Int!, $date: Date!) {
                  networkMap(level: $level, code: $code, maxNodes: $bound, referenceDate: $date) {
                    summarised actorCount linkCount
                    nodes { id kind label territoryCode count } edges { source target kind count } } }""")
                .variable("level", mapped.ref().level().name()).variable("code", mapped.ref().code())
                .variable("bound", bound).variable("date", date.toString()).execute()
                .path("networkMap").entity(MapAnswer.class).get().toMap(mapped.ref());
    }

    /** The map as the API shows it (its territory left out). */
    record MapAnswer(boolean summarised, int actorCount, int linkCount, List<ExplorationModel.MapNode> nodes,
            List<ExplorationModel.MapEdge> edges) {
        NetworkMap toMap(TerritoryRef ref) {
            return new NetworkMap(ref, summarised, actorCount, linkCount, nodes, edges);
        }
    }

    NetworkMap fromScratch(Mapped mapped, int bound, LocalDate date) {
        return NetworkMaps.of(mapped.ref(), exploration.mapRows(mapped.ref().level(), mapped.ref().code(),
                mapped.regionCode(), date), bound);
    }

    List<NetworkMap> maps(boolean served) {
        var maps = new ArrayList<NetworkMap>();
        for (var date : DATES) {
            for (var mapped : MAPPED) {
                for (int bound : BOUNDS) {
                    maps.add(served ? served(mapped, bound, date) : fromScratch(mapped, bound, date));
                }
            }
        }
        return maps;
    }

    @Test
    void keptMapsEqualTheFromScratchMapsAfterEveryRandomWrite() {
        var random = new Random(20261201);
        var previous = maps(true);
        assertThat(previous).isEqualTo(maps(false));
        assertThat(previous).extracting(NetworkMap::summarised).contains(true, false);
        int changed = 0;
        var writes = new ArrayList<String>();
        for (int step = 0; step < 24; step++) {
            writes.add(randomWrite(random, step));

            var kept = maps(true);
            assertThat(kept).as("after %s", writes).isEqualTo(maps(false));
            // asked again without a write in between: served from what is kept, the territory only is read
            assertThat(statementsOf(() -> assertThat(maps(true)).isEqualTo(kept)))
                    .isEqualTo(DATES.size() * MAPPED.size() * BOUNDS.size());
            if (!kept.equals(previous)) {
                changed++;
            }
            previous = kept;
        }
        assertThat(changed).as("writes that changed a map, of %s", writes).isGreaterThanOrEqualTo(8);
    }
}
