package fr.maillage.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import fr.maillage.errors.JsonProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON text read into rows: an array of objects, or an object wrapping such an array. */
final class JsonSource {

    /** Each array element is read as a tree in turn: the elements after it are not "trailing tokens". */
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonSource() {
    }

    static SourceTable read(String text, ImportLimits limits) {
        try (var parser = JSON_MAPPER.createParser(text)) {
            var token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                token = enterWrappedArray(parser);
            }
            if (token != JsonToken.START_ARRAY) {
                throw ImportException.unreadable("le JSON doit être un tableau d'objets (ou un objet contenant ce tableau)");
            }
            var rows = new ArrayList<SourceRow>();
            var columns = new LinkedHashSet<String>();
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw ImportException.unreadable("ligne " + parser.currentTokenLocation().getLineNr()
                            + " : chaque élément du tableau doit être un objet");
                }
                if (rows.size() >= limits.maxRows()) {
                    throw limits.tooManyRows();
                }
                // an object's line, unless another began on it (a file on one line): then its position in the array,
                // so that each row keeps a number of its own in the report
                int line = Math.max(parser.currentTokenLocation().getLineNr(),
                        rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line() + 1);
                JsonNode node = JSON_MAPPER.readTree(parser);
                var values = new LinkedHashMap<String, String>();
                flatten(node, values);
                columns.addAll(values.keySet());
                rows.add(new SourceRow(line, values));
            }
            return new SourceTable("json", columns, rows, false, List.of());
        } catch (JacksonException e) {
            // in French, with line and column: the library's messages name its settings and echo the source
            throw ImportException.unreadable("JSON illisible, " + JsonProblem.describe(e));
        }
    }

    /** Some data.gouv.fr exports wrap the array in an object ({"lieux": [...]}, {"data": [...]}): the first array is it. */
    private static JsonToken enterWrappedArray(JsonParser parser) {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            var value = parser.nextToken();
            if (value == JsonToken.START_ARRAY) {
                return value;
            }
            parser.skipChildren();
        }
        return token;
    }

    /**
     * Scalars as text, arrays of scalars joined with {@code |} (the standard's list separator), nested objects flattened
     * (their fields become columns of their own, as in the flat standard, unless the row already has them).
     */
    private static void flatten(JsonNode node, Map<String, String> values) {
        for (var entry : node.properties()) {
            var column = SourceTable.column(entry.getKey());
            var value = entry.getValue();
            if (value.isObject()) {
                var nested = new LinkedHashMap<String, String>();
                flatten(value, nested);
                nested.forEach(values::putIfAbsent);
            } else if (!values.containsKey(column) || values.get(column).isEmpty()) {
                values.put(column, scalar(value));
            }
        }
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            var parts = new ArrayList<String>();
            for (var element : value) {
                parts.add(element.isValueNode() ? scalar(element) : element.toString());
            }
            return String.join("|", parts);
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
