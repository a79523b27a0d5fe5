package fr.maillage.network;

import fr.maillage.territories.TerritoryLevel;

/**
 * The network's statements whose text varies: a label chosen at run time, or a rule of {@link NetworkQueries} put in.
 * Each variant's final text is kept under docs/cypher/network/ (NetworkStatementsTests).
 */
final class NetworkStatements {

    private NetworkStatements() {
    }

    /** Whether a node of label {@code label} has {@code $value} as {@code property}. */
    /** Which of the codes given per territory label ({@code $codes.Commune}...) name a territory: a seek on each code. */
    static final String EXISTING_TERRITORIES = """
            UNWIND [code IN $codes.Region WHERE EXISTS { (:Region {code: code}) } | {level: 'REGION', code: code}]
              + [code IN $codes.Department WHERE EXISTS { (:Department {code: code}) } | {level: 'DEPARTMENT', code: code}]
              + [code IN $codes.Epci WHERE EXISTS { (:Epci {code: code}) } | {level: 'EPCI', code: code}]
              + [code IN $codes.Commune WHERE EXISTS { (:Commune {code: code}) } | {level: 'COMMUNE', code: code}] AS found
            RETURN found.level AS level, found.code AS code""";

    static String exists(String label, String property) {
        return "MATCH (n:%s {%s: $value}) RETURN count(n) > 0 AS found".formatted(label, property);
    }

    /** The ids, of {@code $ids}, of the nodes of label {@code label}. */
    static String ids(String label) {
        return "MATCH (n:%s) WHERE n.id IN $ids RETURN n.id AS id".formatted(label);
    }

    /** The nodes {@code n} of label {@code label} with an id in {@code $ids}. */
    static String byIds(String label) {
        return "MATCH (n:%s) WHERE n.id IN $ids RETURN n.id AS id, n AS n".formatted(label);
    }

    /** Registers employer {@code $id} in commune {@code $communeCode}: linked to it, its codes copied. */
    static final String REGISTER_EMPLOYER = """
            MATCH (c:Commune {code: $communeCode})
            CREATE (n:Employer {id: $id, siret: $siret, siren: substring($siret, 0, 9), name: $name,
              sector: $sector, legalKind: $legalKind, createdAt: datetime(), updatedAt: datetime()})
            %s
            CREATE (n)-[:IN_COMMUNE]->(c)""".formatted(NetworkQueries.LOCATE_IN_COMMUNE);

    /** Moves actor {@code $id} of label {@code label} to commune {@code $communeCode}: link and codes change together. */
    static String relocate(String label) {
        return """
                MATCH (n:%s {id: $id}), (c:Commune {code: $communeCode})
                OPTIONAL MATCH (n)-[old:IN_COMMUNE]->()
                DELETE old
                WITH DISTINCT n, c
                CREATE (n)-[:IN_COMMUNE]->(c)
                %s""".formatted(label, NetworkQueries.LOCATE_IN_COMMUNE);
    }

    /**
     * Takes the write locks of the nodes of label {@code label} whose id is in {@code $ids}, in the order of their ids
     * so that two writers locking several never wait for each other in a circle. Held until the transaction ends, they
     * make a concurrent writer of the same nodes wait until this one has committed, and then read what it wrote.
     * Changes nothing.
     */
    static String lock(String label) {
        return """
                MATCH (n:%s) WHERE n.id IN $ids
                WITH n ORDER BY n.id
                SET n._lock = true
                REMOVE n._lock""".formatted(label);
    }

    /** Puts the territories {@code $codes} of level {@code level} in the perimeter of coordinator {@code $id}. */
    static String cover(TerritoryLevel level) {
        return """
                MATCH (c:Coordinator {id: $id})
                UNWIND $codes AS code
                MATCH (t:%s {code: code})
                MERGE (c)-[:COVERS]->(t)""".formatted(level.label());
    }
}
