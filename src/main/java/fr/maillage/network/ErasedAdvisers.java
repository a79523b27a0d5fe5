package fr.maillage.network;

import fr.maillage.validation.FrenchDate;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.validation.InvalidInputException;
import org.neo4j.driver.QueryRunner;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * An erasure is final. Once an adviser's personal data is erased ({@code eraseAdviserPersonalData}) its node stays,
 * anonymous, under its id. The programme id ({@code externalId}) is erased too, but leaves a digest that is never
 * shown ({@code programmeIdDigest}); advisers erased when ids were still derived from programme ids are found by that
 * former id. Either way the programme id still leads to that node: an import row or a hiring that names it again is
 * refused, so that erased data is never brought back by the next export of the programme. A person who comes back
 * into the programme is registered without that id, or with a new one.
 */
@Component
public class ErasedAdvisers {

    /**
     * The anonymised advisers whose programme id had one of these digests, or one of these former ids, each with the
     * key it was found by and the day (in France) its data was erased.
     */
    private static final String CYPHER = """
            CALL () {
              MATCH (a:Adviser) WHERE a.programmeIdDigest IN $keys
              RETURN a, a.programmeIdDigest AS key
              UNION
              MATCH (a:Adviser) WHERE a.id IN $keys
              RETURN a, a.id AS key
            }
            WITH a, key WHERE a.anonymised = true
            RETURN key, date(datetime({datetime: coalesce(a.anonymisedAt, datetime()), timezone: 'Europe/Paris'}))
              AS erasedOn""";

    private final Neo4jClient neo4j;

    ErasedAdvisers(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Programme ids, among {@code externalIds}, of advisers whose personal data was erased, with the day of erasure. */
    public static Map<String, LocalDate> erasedOn(QueryRunner tx, Collection<String> externalIds) {
        var byKey = keys(externalIds);
        var erased = new HashMap<String, LocalDate>();
        tx.run(CYPHER, Map.of("keys", List.copyOf(byKey.keySet()))).forEachRemaining(row ->
                erased.put(byKey.get(row.get("key").asString()), row.get("erasedOn").asLocalDate()));
        return erased;
    }

    /** Why a row or an input that names an erased adviser's programme id is refused, in French. */
    public static String reason(LocalDate erasedOn) {
        return "ce conseiller a fait effacer ses données personnelles le " + FrenchDate.format(erasedOn)
                + " : elles ne sont pas réimportées ; s'il revient dans le dispositif, enregistrez-le sans cet"
                + " identifiant ou avec un nouvel identifiant";
    }

    /** Throws BAD_REQUEST on {@code field} when {@code externalId} is the programme id of an erased adviser. */
    void refuse(String field, String externalId) {
        if (externalId == null || externalId.isBlank()) {
            return;
        }
        Optional<LocalDate> erasedOn = neo4j.query(CYPHER)
                .bind(List.copyOf(keys(List.of(externalId.strip())).keySet())).to("keys")
                .fetchAs(LocalDate.class).mappedBy((types, row) -> row.get("erasedOn").asLocalDate()).first();
        if (erasedOn.isPresent()) {
            throw new InvalidInputException(field, reason(erasedOn.get()));
        }
    }

    /** Each programme id by its digest and by the id it would have given an adviser before ids were random. */
    private static Map<String, String> keys(Collection<String> externalIds) {
        var byKey = new HashMap<String, String>();
        externalIds.stream().filter(id -> id != null && !id.isBlank()).forEach(id -> {
            byKey.put(NetworkKeys.programmeIdDigest(id), id);
            byKey.put(NetworkKeys.formerAdviserId(id), id);
        });
        return byKey;
    }
}
