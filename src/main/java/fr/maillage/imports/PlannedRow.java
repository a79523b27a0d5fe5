package fr.maillage.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An accepted row, ready to be written: its natural key (and the column that holds it, to name it in a duplicate's
 * error), the id a new node gets, and the parameters of the write statement. The fingerprint covers everything the
 * row writes, so that the same row imported again is recognised as unchanged.
 */
record PlannedRow(int line, String keyField, String key, String id, Map<String, Object> parameters) {

    /**
     * {@code properties} are set on the node ({@code SET n += row.properties}: a null removes a property the node had);
     * {@code links} are the other parameters (commune, employer, contract...).
     */
    static PlannedRow of(int line, String keyField, String key, String id, Map<String, Object> properties,
            Map<String, Object> links) {
        var parameters = new HashMap<String, Object>(links);
        parameters.put("line", line);
        parameters.put("key", key);
        parameters.put("id", id);
        parameters.put("properties", properties);
        parameters.put("fingerprint", fingerprint(properties, links));
        return new PlannedRow(line, keyField, key, id, parameters);
    }

    static String fingerprint(Map<String, Object> properties, Map<String, Object> links) {
        var canonical = canonical(Map.of("properties", properties, "links", links));
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Maps with sorted keys, lists in order, values by their text: the same row always gives the same text. */
    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, String>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlannedRow::canonical).toList().toString();
        }
        return value == null ? "∅" : value.getClass().getSimpleName() + ":" + value;
    }
}
