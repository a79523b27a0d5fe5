package fr.maillage.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backup file: gzip'd UTF-8 JSON, one object per line.
 * <ol>
 * <li>The header: {@code {"format": "maillage-backup", "version": 1, "createdAt": "2026-12-01T06:00:00Z",
 * "schemaVersion": "0012", "nodes": n, "relationships": m, "labels": {"Commune": 34969, ...}, "types": {"IN_EPCI":
 * ..., ...}}}. {@code schemaVersion} is the last migration applied to the store that was saved; {@code labels} counts
 * the nodes carrying each label (a node with two labels counts in both).</li>
 * <li>One line per node: {@code {"node": "<elementId>", "labels": [...], "properties": {...}}}.</li>
 * <li>Then one line per relationship: {@code {"type": "IN_EPCI", "start": "<elementId>", "end": "<elementId>",
 * "properties": {...}}}, its ends named by the element ids of the node lines.</li>
 * </ol>
 * A property is written as JSON where JSON keeps its type: a string, a boolean, an integer (Neo4j's 64-bit integer), a
 * finite float (Neo4j's 64-bit float, always written with a decimal point or an exponent), a list of those. Every
 * other type is an object with one field naming the type: {@code {"date": "2024-03-15"}}, {@code {"localTime":
 * "10:15:30"}}, {@code {"time": "10:15:30+01:00"}}, {@code {"localDateTime": "2024-03-15T10:15:30"}},
 * {@code {"dateTime": "2024-03-15T10:15:30+01:00[Europe/Paris]"}} (a zone id when the value has one, else an offset),
 * {@code {"duration": {"months": 0, "days": 1, "seconds": 3600, "nanoseconds": 0}}}, {@code {"point": {"srid": 4326,
 * "x": 8.73, "y": 41.92}}} ({@code "z"} for 3D), {@code {"bytes": "<base64>"}} and {@code {"double": "NaN"}} (also
 * {@code "Infinity"}, {@code "-Infinity"}). Nodes and relationships whose labels start with {@code __} are the
 * bookkeeping of the store (applied migrations, a restore under way) and are left out: the restoring service writes its
 * own.
 */
final class BackupFile {

    static final String FORMAT = "maillage-backup";
    static final int VERSION = 1;
    /** Labels of the store's bookkeeping, never saved: neo4j-migrations' {@code __Neo4jMigration}, the restore's own. */
    static final String BOOKKEEPING_PREFIX = "__";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BackupFile() {
    }

    /** The first line: what the file holds. */
    record Header(String format, int version, String createdAt, String schemaVersion, long nodes, long relationships,
            Map<String, Long> labels, Map<String, Long> types) {

        String toJson() {
            var json = NODES.objectNode();
            json.put("format", format);
            json.put("version", version);
            json.put("createdAt", createdAt);
            json.put("schemaVersion", schemaVersion);
            json.put("nodes", nodes);
            json.put("relationships", relationships);
            var labelCounts = json.putObject("labels");
            new TreeMap<>(labels).forEach(labelCounts::put);
            var typeCounts = json.putObject("types");
            new TreeMap<>(types).forEach(typeCounts::put);
            return JSON.writeValueAsString(json);
        }

        /** Reads the first line; null when it is not the header of a backup of this version. */
        static Header parse(String line) {
            JsonNode json;
            try {
                json = JSON.readTree(line);
            } catch (RuntimeException e) {
                return null;
            }
            if (json == null || !FORMAT.equals(json.path("format").asString(null)) || json.path("version").asInt(-1)
                    != VERSION) {
                return null;
            }
            return new Header(FORMAT, VERSION, json.path("createdAt").asString(""),
                    json.path("schemaVersion").asString(""), json.path("nodes").asLong(),
                    json.path("relationships").asLong(), counts(json.path("labels")), counts(json.path("types")));
        }

        private static Map<String, Long> counts(JsonNode json) {
            var counts = new TreeMap<String, Long>();
            json.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
            return counts;
        }
    }

    /** A node's line. */
    static String nodeLine(String id, List<String> labels, Value properties) {
        var json = NODES.objectNode();
        json.put("node", id);
        var labelArray = json.putArray("labels");
        labels.stream().sorted().forEach(labelArray::add);
        json.set("properties", properties(properties));
        return JSON.writeValueAsString(json);
    }

    /** A relationship's line. */
    static String relationshipLine(String type, String start, String end, Value properties) {
        var json = NODES.objectNode();
        json.put("type", type);
        json.put("start", start);
        json.put("end", end);
        json.set("properties", properties(properties));
        return JSON.writeValueAsString(json);
    }

    private static ObjectNode properties(Value properties) {
        var json = NODES.objectNode();
        var keys = new ArrayList<String>();
        properties.keys().forEach(keys::add);
        keys.stream().sorted().forEach(key -> json.set(key, encode(key, properties.get(key).asObject())));
        return json;
    }

    /** A property value as JSON, its type kept (see the class comment). */
    static JsonNode encode(String key, Object value) {
        if (value instanceof String text) {
            return NODES.stringNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? NODES.numberNode(number) : typed("double", NODES.stringNode(
                    number.toString()));
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(encode(key, item)));
            return array;
        }
        if (value instanceof LocalDate date) {
            return typed("date", NODES.stringNode(date.toString()));
        }
        if (value instanceof LocalTime time) {
            return typed("localTime", NODES.stringNode(time.toString()));
        }
        if (value instanceof OffsetTime time) {
            return typed("time", NODES.stringNode(time.toString()));
        }
        if (value instanceof LocalDateTime dateTime) {
            return typed("localDateTime", NODES.stringNode(dateTime.toString()));
        }
        if (value instanceof ZonedDateTime dateTime) {
            return typed("dateTime", NODES.stringNode(dateTime.toString()));
        }
        if (value instanceof IsoDuration duration) {
            var json = NODES.objectNode();
            json.put("months", duration.months());
            json.put("days", duration.days());
            json.put("seconds", duration.seconds());
            json.put("nanoseconds", duration.nanoseconds());
            return typed("duration", json);
        }
        if (value instanceof Point point) {
            var json = NODES.objectNode();
            json.put("srid", point.srid());
            json.put("x", point.x());
            json.put("y", point.y());
            if (!Double.isNaN(point.z())) {
                json.put("z", point.z());
            }
            return typed("point", json);
        }
        if (value instanceof byte[] bytes) {
            return typed("bytes", NODES.stringNode(Base64.getEncoder().encodeToString(bytes)));
        }
        throw new IllegalStateException("property " + key + " of a type the backup does not know: "
                + (value == null ? "null" : value.getClass().getName()));
    }

    private static JsonNode typed(String type, JsonNode value) {
        var json = NODES.objectNode();
        json.set(type, value);
        return json;
    }

    /** The properties of a node or relationship line, as parameters the driver sends with their types. */
    static Map<String, Object> decodeProperties(JsonNode properties) {
        var map = new TreeMap<String, Object>();
        properties.properties().forEach(entry -> map.put(entry.getKey(), decode(entry.getKey(), entry.getValue())));
        return map;
    }

    static Object decode(String key, JsonNode json) {
        if (json.isString()) {
            return json.asString();
        }
        if (json.isBoolean()) {
            return json.asBoolean();
        }
        if (json.isIntegralNumber()) {
            if (!json.canConvertToLong()) {
                throw new IllegalArgumentException("property " + key + ": integer beyond 64 bits " + json);
            }
            return json.longValue();
        }
        if (json.isFloatingPointNumber()) {
            return json.doubleValue();
        }
        if (json.isArray()) {
            var list = new ArrayList<>();
            json.forEach(item -> list.add(decode(key, item)));
            return list;
        }
        if (json.isObject() && json.size() == 1) {
            var entry = json.properties().iterator().next();
            var value = entry.getValue();
            switch (entry.getKey()) {
                case "double":
                    return Double.valueOf(value.asString());
                case "date":
                    return LocalDate.parse(value.asString());
                case "localTime":
                    return LocalTime.parse(value.asString());
                case "time":
                    return OffsetTime.parse(value.asString());
                case "localDateTime":
                    return LocalDateTime.parse(value.asString());
                case "dateTime":
                    return ZonedDateTime.parse(value.asString());
                case "duration":
                    return Values.isoDuration(value.path("months").asLong(), value.path("days").asLong(),
                            value.path("seconds").asLong(), value.path("nanoseconds").asInt());
                case "point":
                    return value.has("z")
                            ? Values.point(value.path("srid").asInt(), value.path("x").asDouble(),
                                    value.path("y").asDouble(), value.path("z").asDouble())
                            : Values.point(value.path("srid").asInt(), value.path("x").asDouble(),
                                    value.path("y").asDouble());
                case "bytes":
                    return Base64.getDecoder().decode(value.asString());
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("property " + key + ": value not understood " + json);
    }
}
