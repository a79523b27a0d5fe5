package fr.maillage.graphql;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder;
import org.springframework.stereotype.Component;

/**
 * Parsed and validated documents kept by their text (and the locale their validation messages are written in): the
 * pages and tools send the same few operations again and again, and parsing plus validation is most of the fixed cost
 * of a small request. No limit is skipped: the depth and the cost of a request are measured when its operation starts
 * to run ({@link QueryDepthInstrumentation}, {@link RequestBudgetInstrumentation}), on every request, cached document
 * or not; a document that failed validation is kept with its errors and answers them again. Bounded by the total length
 * of the texts kept, so that odd documents cannot grow it.
 */
@Component
class DocumentCache implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

    /**
     * Characters of document text kept at most: a thousand or more ordinary operations (a few hundred characters
     * each). A parsed document weighs more than its text (graphql-java caps a document at 15,000 tokens), so this
     * bound keeps the worst case, documents made of the shortest tokens, to some tens of megabytes of heap.
     */
    static final long MAX_CHARACTERS = 1_000_000;

    private final Cache<Key, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumWeight(MAX_CHARACTERS)
            .weigher((Key key, PreparsedDocumentEntry entry) -> key.text().length() + 1).build();

    record Key(String text, Locale locale) {
    }

    @Override
    public void customize(SchemaResourceBuilder builder) {
        builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        var key = new Key(input.getQuery(), input.getLocale());
        return CompletableFuture.completedFuture(documents.get(key, ignored -> parseAndValidate.apply(input)));
    }

    long size() {
        return documents.estimatedSize();
    }
}
