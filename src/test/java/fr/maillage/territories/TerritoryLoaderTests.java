package fr.maillage.territories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

class TerritoryLoaderTests extends IntegrationTest {

    @Autowired
    TerritoryLoader loader;

    @Test
    void loadsAllOfFranceFromTheInseeReferential() {
        assertThat(count("MATCH (n:Region) RETURN count(n)")).isEqualTo(26);
        assertThat(count("MATCH (n:Department) RETURN count(n)")).isEqualTo(109);
        assertThat(count("MATCH (n:Epci) RETURN count(n)")).isEqualTo(1_255);
        assertThat(count("MATCH (n:Commune) RETURN count(n)")).isEqualTo(34_969);
        assertThat(count("MATCH (n:Commune) RETURN sum(n.population)")).isEqualTo(68_952_941);
        assertThat(count("MATCH (n:Region) RETURN sum(n.population)")).isEqualTo(68_952_941);
        assertThat(count("MATCH (n:Department) RETURN sum(n.population)")).isEqualTo(68_952_941);
    }

    @Test
    void linksEveryCommuneToOneDepartmentAndAtMostOneEpci() {
        assertThat(count("MATCH (c:Commune) WHERE COUNT { (c)-[:IN_DEPARTMENT]->() } <> 1 RETURN count(c)")).isZero();
        assertThat(count("MATCH (c:Commune) WHERE COUNT { (c)-[:IN_EPCI]->() } > 1 RETURN count(c)")).isZero();
        assertThat(count("MATCH (c:Commune) WHERE NOT (c)-[:IN_EPCI]->() RETURN count(c)")).isEqualTo(98);
        assertThat(count("MATCH (e:Epci) WHERE COUNT { (e)-[:IN_DEPARTMENT]->() } > 1 RETURN count(e)"))
                .isEqualTo(89);
    }

    @Test
    void corsicaHasTwoDepartmentsNineteenEpciAnd360Communes() {
        assertThat(count("MATCH (:Department)-[:IN_REGION]->(:Region {code: '94'}) RETURN count(*)")).isEqualTo(2);
        assertThat(count("""
                MATCH (e:Epci)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(:Region {code: '94'})
                RETURN count(DISTINCT e)""")).isEqualTo(19);
        assertThat(count("MATCH (c:Commune {regionCode: '94'}) RETURN count(c)")).isEqualTo(360);
        assertThat(count("MATCH (r:Region {code: '94'}) RETURN r.population")).isEqualTo(355_486);
    }

    /** Communes déléguées and associées, municipal arrondissements and codes of merged communes, in today's commune. */
    @Test
    void linksFormerCommunesToTheCommuneThatHoldsThemToday() {
        assertThat(count("MATCH (f:FormerCommune) RETURN count(f)")).isEqualTo(4_871);
        assertThat(count("MATCH (f:FormerCommune) WHERE COUNT { (f)-[:PART_OF]->(:Commune) } <> 1 RETURN count(f)"))
                .isZero();
        assertThat(count("""
                MATCH (f:FormerCommune)-[:PART_OF]->(:Commune {code: '74010', name: 'Annecy'})
                WHERE f.name IN ['Annecy-le-Vieux', 'Seynod', 'Cran-Gevrier', 'Meythet', 'Pringy']
                RETURN count(f)""")).isEqualTo(5);
        assertThat(count("""
                MATCH (f:FormerCommune {departmentCode: '69'})-[:PART_OF]->(:Commune {code: '69149'})
                WHERE f.name IN ['Oullins', 'Pierre-Bénite'] RETURN count(f)""")).isEqualTo(2);
        assertThat(count("MATCH (:FormerCommune {code: '69383', kind: 'ARM'})-[:PART_OF]->(c:Commune {code: '69123'})"
                + " RETURN count(c)")).isEqualTo(1);
        assertThat(count("MATCH (f:FormerCommune {kind: 'ANCIEN'}) WHERE f.name IS NULL RETURN count(f)"))
                .isEqualTo(2_250);
    }

    @Test
    void createsOnePrefecturePerDepartmentAndOneSgarPerRegion() {
        assertThat(count("MATCH (p:Prefecture)-[:PREFECTURE_OF]->(:Department) RETURN count(p)")).isEqualTo(109);
        assertThat(count("MATCH (s:Sgar)-[:SGAR_OF]->(:Region) RETURN count(s)")).isEqualTo(26);
        // one regional prefecture per metropolitan and overseas region (the chief town's département)
        assertThat(count("""
                MATCH (p:Prefecture {regional: true})-[:PREFECTURE_OF]->(:Department)-[:IN_REGION]->(r:Region)
                WHERE NOT r.code IN ['975','977','978','984','986','987','988','989']
                RETURN count(DISTINCT r)""")).isEqualTo(18);
    }

    @Test
    void startsWithoutReloadingWhenTheStampMatches() {
        var again = TerritoryLoader.load(driver, new ClassPathResource("territories/territories.tsv.gz"));

        assertThat(again.loaded()).isFalse();
        assertThat(again.version()).isEqualTo(loader.report().version());
    }

    @Test
    void reloadsAnOutdatedReferentialInPlaceWithoutDuplicates() {
        try (var session = driver.session()) {
            session.run("MATCH (v:DataVersion {name: 'territories'}) SET v.version = 'an older file'").consume();
        }

        var reload = TerritoryLoader.load(driver, new ClassPathResource("territories/territories.tsv.gz"));

        assertThat(reload.loaded()).isTrue();
        assertThat(reload.obsolete()).isZero();
        assertThat(count("MATCH (n:Commune) RETURN count(n)")).isEqualTo(34_969);
        assertThat(count("MATCH (:Commune)-[r:IN_DEPARTMENT]->() RETURN count(r)")).isEqualTo(34_969);
        assertThat(count("MATCH (p:Prefecture) RETURN count(p)")).isEqualTo(109);
        assertThat(count("MATCH (f:FormerCommune)-[:PART_OF]->() RETURN count(f)")).isEqualTo(4_871);
        assertThat(count("MATCH (v:DataVersion {name: $name}) RETURN count(v)", Map.of("name", "territories")))
                .isEqualTo(1);
    }

    @Test
    void aNewReferentialMovesTheCodesActorsCopiedFromTheirCommune() {
        // a place and an activity in Bastia and an employer in L'Île-d'Yeu (no EPCI) whose copies are those of an older
        // referential, as if it had put Bastia in another EPCI and département and L'Île-d'Yeu in an EPCI
        write("""
                MATCH (bastia:Commune {code: '2B033'}), (yeu:Commune {code: '85113'})
                CREATE (:Place {id: 'moved-place', communeCode: '2B033', epciCode: '200000000', departmentCode: '2A',
                  regionCode: '94'})-[:IN_COMMUNE]->(bastia),
                  (:Activity {id: 'moved-activity', communeCode: '2B033', epciCode: '200000000', departmentCode: '2A',
                  regionCode: '94'})-[:IN_COMMUNE]->(bastia),
                  (:Employer {id: 'moved-employer', communeCode: '85113', epciCode: '248500000', departmentCode: '85',
                  regionCode: '52'})-[:IN_COMMUNE]->(yeu)""", Map.of());
        try {
            write("MATCH (v:DataVersion {name: 'territories'}) SET v.version = 'an older file'", Map.of());

            TerritoryLoader.load(driver, new ClassPathResource("territories/territories.tsv.gz"));

            assertThat(count("""
                    MATCH (p:Place|Activity)-[:IN_COMMUNE]->(c:Commune {code: '2B033'})
                    WHERE p.id IN ['moved-place', 'moved-activity'] AND p.epciCode = c.epciCode
                      AND c.epciCode IS NOT NULL AND p.departmentCode = '2B' AND p.regionCode = '94'
                      AND p.communeCode = '2B033'
                    RETURN count(p)""")).isEqualTo(2);
            assertThat(count("""
                    MATCH (e:Employer {id: 'moved-employer'})
                    WHERE e.epciCode IS NULL AND e.departmentCode = '85' AND e.regionCode = '52'
                    RETURN count(e)""")).isOne();
        } finally {
            write("MATCH (n:Place|Activity|Employer) WHERE n.id IN ['moved-place', 'moved-activity', 'moved-employer']"
                    + " DETACH DELETE n", Map.of());
        }
    }
}
