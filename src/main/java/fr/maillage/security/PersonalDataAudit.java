package fr.maillage.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The audit trail of personal data: each GraphQL request that returned names, e-mails or phones of advisers, or
 * that changed the network, and each export that held some, leaves one {@code AuditEvent} node (who, when, what
 * operation, which advisers).
 * <p>
 * Each record is created alone in its transaction, with no relationship: the graph's version (database module) does
 * not count such a transaction as a write, so reading names does not drop the figures kept between writes.
 */
@Component
public class PersonalDataAudit implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataAudit.class);
    private static final String READ_KEY = PersonalDataAudit.class.getName() + ".read";
    private static final String CHANGED_KEY = PersonalDataAudit.class.getName() + ".changed";

    private final Driver driver;

    PersonalDataAudit(Driver driver) {
        this.driver = driver;
    }

    /** Notes, during a request, that personal data of an adviser was returned. */
    public static void read(GraphQLContext context, String adviserId) {
        Set<String> ids = context.get(READ_KEY);
        if (ids != null) {
            ids.add(adviserId);
        }
    }

    /** Notes, during a request, that personal data of an adviser was changed, erased or (in a query) exported. */
    public static void changed(GraphQLContext context, String adviserId) {
        Set<String> ids = context.get(CHANGED_KEY);
        if (ids != null) {
            ids.add(adviserId);
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var caller = Caller.current();
        Set<String> read = ConcurrentHashMap.newKeySet();
        Set<String> changed = ConcurrentHashMap.newKeySet();
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(Map.of(READ_KEY, read, CHANGED_KEY, changed)).build());
        boolean mutation = request.getDocument().stripLeading().startsWith("mutation");
        return chain.next(request).doOnNext(response -> {
            if (!read.isEmpty()) {
                record(caller, "READ_PERSONAL_DATA", request.getOperationName(), read);
            }
            if (mutation && !response.getErrors().isEmpty()) {
                record(caller, "WRITE_REFUSED", request.getOperationName(), changed);
            } else if (mutation) {
                record(caller, changed.isEmpty() ? "WRITE" : "WRITE_PERSONAL_DATA", request.getOperationName(), changed);
            } else if (!mutation && !changed.isEmpty()) {
                record(caller, "EXPORT_PERSONAL_DATA", request.getOperationName(), changed);
            }
        });
    }

    /** A committed bulk import: who imported what, and which advisers' personal data it created or changed. */
    public void recordImport(Caller caller, String kind, java.util.Collection<String> changedAdviserIds) {
        record(caller, changedAdviserIds.isEmpty() ? "IMPORT" : "IMPORT_PERSONAL_DATA", "import:" + kind,
                Set.copyOf(changedAdviserIds));
    }

    /**
     * A file exported over HTTP that held personal data of advisers (names, e-mails, phones, programme ids): one
     * {@code EXPORT_PERSONAL_DATA} event naming them, like a GraphQL request that read some. Nothing when it held none.
     */
    public void recordExport(Caller caller, String export, java.util.Collection<String> adviserIds) {
        if (!adviserIds.isEmpty()) {
            record(caller, "EXPORT_PERSONAL_DATA", "export:" + export, Set.copyOf(adviserIds));
        }
    }

    /**
     * The longest adviser id a record is found by (migration 0014 indexes the ids up to this length): every id the
     * service gives is far shorter, and a longer one kept whole in the index would exceed Lucene's limit on a term.
     */
    public static final int INDEXED_ID_LENGTH = 200;

    private void record(Caller caller, String action, String operation, Set<String> adviserIds) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    CREATE (:AuditEvent {id: randomUUID(), at: datetime(), subject: $subject, roles: $roles,
                      action: $action, operation: $operation, adviserIds: $adviserIds,
                      indexedAdviserIds: [id IN $adviserIds WHERE size(id) <= $indexedLength]})""",
                    Map.of("subject", caller.subject() == null ? "anonyme" : caller.subject(),
                            "roles", caller.roles().stream().map(Enum::name).sorted().toList(), "action", action,
                            "operation", operation == null ? "" : operation,
                            "adviserIds", List.copyOf(adviserIds), "indexedLength", INDEXED_ID_LENGTH)).consume());
        } catch (RuntimeException e) {
            log.error("Could not write the audit trail ({} by {})", action, caller.subject(), e);
        }
    }
}
