package fr.maillage.network;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.maillage.graphql.RootReads;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.security.Scope;
import fr.maillage.territories.Territory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network's reads that other modules use: actors by id, and where advisers and actors lie for their access
 * decisions. The network's own reads are in its readers per aggregate ({@link AdviserReader}, {@link LinkReader},
 * {@link ListReader}, {@link ScopeReader}).
 */
@Repository
@Transactional(readOnly = true)
public class NetworkRepository {

    private static final String EMPLOYER_BY_SIRET = "MATCH (n:Employer {siret: $siret}) RETURN n";

    private final Neo4jClient neo4j;
    private final ScopeReader scopes;
    private final RootReads reads;

    NetworkRepository(Neo4jClient neo4j, ScopeReader scopes, RootReads reads) {
        this.neo4j = neo4j;
        this.scopes = scopes;
        this.reads = reads;
    }

    // By id

    /** The nodes of label {@code label} (ours: Adviser, Employer, Hub, Place, Partner) by id, mapped; absent ids absent. */
    public <T> Map<String, T> byIds(String label, Collection<String> ids, Function<Object, T> mapper) {
        var found = new HashMap<String, T>();
        Rows.all(neo4j.query(NetworkStatements.byIds(label)).bind(List.copyOf(ids)).to("ids"))
                .forEach(row -> found.put(row.get("id").asString(), mapper.apply(row.get("n"))));
        return found;
    }

    /** The node {@code id} of label {@code label}, mapped; null when absent. */
    <T> T byId(String label, String id, Function<Object, T> mapper) {
        return byIds(label, List.of(id), mapper).get(id);
    }

    Adviser adviser(String id) {
        return byId("Adviser", id, NetworkMapper::adviser);
    }

    Employer employer(String id) {
        return byId("Employer", id, NetworkMapper::employer);
    }

    Employer employerBySiret(String siret) {
        return neo4j.query(EMPLOYER_BY_SIRET).bind(siret).to("siret").fetchAs(Employer.class)
                .mappedBy((types, row) -> NetworkMapper.employer(row.get("n"))).one().orElse(null);
    }

    /** A coordinator with its perimeter (territories by level then code), in one statement; null when absent. */
    public CoordinatorWithPerimeter coordinator(String id) {
        var found = reads.readAlone(AdviserReader.coordinator(id, null, null));
        return found == null ? null : new CoordinatorWithPerimeter(found.coordinator(), found.perimeter());
    }

    public record CoordinatorWithPerimeter(Coordinator coordinator, List<Territory> perimeter) {
    }

    // Where actors lie, for access decisions

    /**
     * The scope of each adviser: départements and regions of its places and of its current employer, that
     * employer's SIRET, the adviser itself and its coordinators.
     */
    public Map<String, Scope> adviserScopes(Collection<String> adviserIds) {
        return scopes.adviserScopes(adviserIds, null);
    }

    /**
     * The scope of each adviser as it stands on {@code day} (today when null): its current employer is the one of a
     * contract running that day (a contract not yet begun counts: it is the employer's).
     */
    public Map<String, Scope> adviserScopes(Collection<String> adviserIds, LocalDate day) {
        return scopes.adviserScopes(adviserIds, day);
    }

    /**
     * The scope of each adviser on each day given, for what it did that day (an activity): only the employers of its
     * contracts running that day count, not one it joined since. Absent advisers are absent. One read, even of none:
     * what is refused costs the same whether or not it exists.
     */
    public Map<AdviserDay, Scope> adviserScopesOn(Collection<AdviserDay> pairs) {
        return scopes.adviserScopesOn(pairs);
    }

    /** The scope of a located actor (employer, place, partner, hub, governance) by id; null when absent. */
    public Scope actorScope(String label, String id) {
        return scopes.actorScopes(label, List.of(id)).get(id);
    }
}
