package fr.maillage.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The parts of a write, role by role, without the service: the definitions of docs/security-writes.md. */
class WriteTests {

    static final Set<Role> TERRITORIAL = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB);
    static final Set<Role> ALL = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB, Role.COORDINATOR, Role.EMPLOYER);

    static final Scope AJACCIO = Scope.of(List.of("2A"), List.of("94"), List.of(), List.of());
    static final Scope BASTIA = Scope.of(List.of("2B"), List.of("94"), List.of(), List.of());
    static final Scope PARIS = Scope.of(List.of("75"), List.of("11"), List.of(), List.of());
    static final Scope REGION_CORSE = Scope.of(List.of("2A", "2B"), List.of("94"), List.of(), List.of());
    static final Scope GRAND_AVIGNON = Scope.of(List.of("30", "84"), List.of("76", "93"), List.of(), List.of());
    static final Scope EMPLOYER_A = Scope.of(List.of("2A"), List.of("94"), List.of("20007695800012"), List.of());

    static Caller prefecture(String... departments) {
        return new Caller("p", Set.of(Role.PREFECTURE), Set.of(departments), Set.of(), Set.of(), null);
    }

    static Caller hub(String... regions) {
        return new Caller("h", Set.of(Role.HUB), Set.of(), Set.of(regions), Set.of(), null);
    }

    static Caller employer(String siret) {
        return new Caller("e", Set.of(Role.EMPLOYER), Set.of(), Set.of(), Set.of(siret), null);
    }

    static final Caller ANCT = new Caller("a", Set.of(Role.ANCT), Set.of(), Set.of(), Set.of(), null);

    @Test
    void touchingMeetsButPlacingNeedsTheWholeTerritory() {
        assertThat(Access.write(TERRITORIAL).touching(REGION_CORSE).allowedFor(prefecture("2A"))).isTrue();
        assertThat(Access.write(TERRITORIAL).placing(REGION_CORSE).allowedFor(prefecture("2A"))).isFalse();
        assertThat(Access.write(TERRITORIAL).placing(REGION_CORSE).allowedFor(prefecture("2A", "2B"))).isTrue();
        assertThat(Access.write(TERRITORIAL).placing(GRAND_AVIGNON).allowedFor(prefecture("84"))).isFalse();
        assertThat(Access.write(TERRITORIAL).placing(GRAND_AVIGNON).allowedFor(hub("93"))).isFalse();
        assertThat(Access.write(TERRITORIAL).placing(GRAND_AVIGNON).allowedFor(hub("93", "76"))).isTrue();
        assertThat(Access.write(TERRITORIAL).placing(GRAND_AVIGNON).allowedFor(ANCT)).isTrue();
    }

    @Test
    void whatLiesNowhereIsPlacedOrTouchedByNobodyButAnct() {
        for (var caller : List.of(prefecture("2A"), hub("94"), employer("20007695800012"))) {
            assertThat(Access.write(ALL).placing(null).allowedFor(caller)).isFalse();
            assertThat(Access.write(ALL).placing(Scope.NOWHERE).allowedFor(caller)).isFalse();
            assertThat(Access.write(ALL).touching(null).allowedFor(caller)).isFalse();
            assertThat(Access.write(ALL).moving(EMPLOYER_A, Scope.NOWHERE).allowedFor(caller)).isFalse();
        }
        assertThat(Access.write(ALL).placing(null).touching(null).allowedFor(ANCT)).isTrue();
    }

    @Test
    void aMoveIsTouchedWhereItIsAndPlacedWhereItGoes() {
        assertThat(Access.write(ALL).moving(AJACCIO, PARIS).allowedFor(prefecture("2A"))).isFalse();
        assertThat(Access.write(ALL).moving(PARIS, AJACCIO).allowedFor(prefecture("2A"))).isFalse();
        assertThat(Access.write(ALL).moving(AJACCIO, BASTIA).allowedFor(hub("94"))).isTrue();
        // an employer keeps its establishment in its département
        var a = employer("20007695800012");
        assertThat(Access.write(ALL).moving(EMPLOYER_A, AJACCIO).allowedFor(a)).isTrue();
        assertThat(Access.write(ALL).moving(EMPLOYER_A, BASTIA).allowedFor(a)).isFalse();
        assertThat(Access.write(ALL).moving(AJACCIO, AJACCIO).allowedFor(a)).isFalse();
    }

    @Test
    void everyPartHoldsForOneAndTheSameRole() {
        // a prefecture of 2A that is also employer A: touches A's employer as an employer, places in 2A as a
        // prefecture, but cannot place in Paris with either
        var both = new Caller("x", Set.of(Role.PREFECTURE, Role.EMPLOYER), Set.of("2A"), Set.of(),
                Set.of("20007695800012"), null);
        var employerB = Scope.of(List.of("75"), List.of("11"), List.of("20007695800012"), List.of());
        assertThat(Access.write(ALL).touching(employerB).placing(AJACCIO).allowedFor(both)).isFalse();
        assertThat(Access.write(ALL).touching(EMPLOYER_A).placing(AJACCIO).allowedFor(both)).isTrue();
        // a role outside the allowed ones counts for nothing
        assertThat(Access.write(Set.of(Role.ANCT, Role.HUB)).touching(AJACCIO).allowedFor(both)).isFalse();
    }

    @Test
    void nearbyAndDomainRulesBindAllButAnct() {
        assertThat(Access.write(ALL).nearby(AJACCIO, false).allowedFor(employer("20007695800012"))).isFalse();
        assertThat(Access.write(ALL).nearby(PARIS, true).allowedFor(employer("20007695800012"))).isTrue();
        assertThat(Access.write(ALL).nearby(PARIS, true).allowedFor(hub("94"))).isFalse();
        assertThat(Access.write(ALL).nearby(BASTIA, true).allowedFor(hub("94"))).isTrue();
        assertThat(Access.write(ALL).nearby(PARIS, false).unlessNational(false).allowedFor(ANCT)).isTrue();
        assertThat(Access.write(ALL).unlessNational(false).allowedFor(prefecture("2A"))).isFalse();
        assertThatThrownBy(() -> Access.write(ALL).unlessNational(false).requireFor(hub("94")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aCoordinatorAttachesWhatServesItsPerimeterTheOthersWhatTheyTouch() {
        var coordinator = new Caller("c", Set.of(Role.COORDINATOR), Set.of(), Set.of(), Set.of(), "c");
        assertThat(Access.write(ALL).attaching(PARIS, true).allowedFor(coordinator)).isTrue();
        assertThat(Access.write(ALL).attaching(AJACCIO, false).allowedFor(coordinator)).isFalse();
        assertThat(Access.write(ALL).attaching(AJACCIO, false).allowedFor(prefecture("2A"))).isTrue();
        assertThat(Access.write(ALL).attaching(PARIS, true).allowedFor(prefecture("2A"))).isFalse();
    }

    @Test
    void anEmployerEstablishesItsOwnSiretsOnly() {
        var a = employer("20007695800012");
        assertThat(Access.write(ALL).establishing("20007695800012", PARIS).allowedFor(a)).isTrue();
        assertThat(Access.write(ALL).establishing("13002526500013", AJACCIO).allowedFor(a)).isFalse();
        assertThat(Access.write(ALL).establishing("13002526500013", AJACCIO).allowedFor(prefecture("2A"))).isTrue();
        assertThat(Access.write(ALL).establishing("13002526500013", PARIS).allowedFor(prefecture("2A"))).isFalse();
    }
}
