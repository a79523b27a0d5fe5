package fr.maillage.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.maillage.territories.SearchText;

/**
 * The values a closed list accepts in a file: the constant's name ({@code CDD_PUBLIC}), its French label ("CDD de
 * droit public"), the label without its parenthesis ("Association" for "Association (loi 1901 ou 1908 ...)") and a
 * few usual synonyms, compared without case, accents or punctuation.
 */
final class Vocabulary<E extends Enum<E>> {

    private final Class<E> type;
    private final Map<String, E> accepted = new LinkedHashMap<>();

    private Vocabulary(Class<E> type) {
        this.type = type;
    }

    static <E extends Enum<E>> Vocabulary<E> of(Class<E> type, Function<E, String> label) {
        var vocabulary = new Vocabulary<>(type);
        for (var value : type.getEnumConstants()) {
            vocabulary.with(value.name(), value);
            var text = label.apply(value);
            vocabulary.with(text, value);
            int parenthesis = text.indexOf(" (");
            if (parenthesis > 0) {
                vocabulary.with(text.substring(0, parenthesis), value);
            }
        }
        return vocabulary;
    }

    Vocabulary<E> with(String synonym, E value) {
        accepted.putIfAbsent(SearchText.fold(synonym), value);
        return this;
    }

    Optional<E> find(String text) {
        return Optional.ofNullable(accepted.get(SearchText.fold(text)));
    }

    /** For error messages: the constants' names. */
    String names() {
        return Stream.of(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
