package io.onebot.gateway.config;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports the {@code network} section of a NapCat {@code onebot11*.json} file as {@code onebot.*}
 * properties, so that a NapCat user's file works unchanged: each {@code websocketServers} and
 * {@code websocketClients} entry becomes {@code onebot.network.<kind>.<name>.<key>}. Entries of
 * kinds the gateway does not implement, and keys it does not know, are reported as ignored
 * (NapCat drops unknown keys too); everything else is validated like any property.
 */
final class NapCatConfigFile {

    private static final Map<String, String> KINDS = Map.of(
            "websocketServers", "websocket-server",
            "websocketClients", "websocket-client");
    private static final List<String> NOT_IMPLEMENTED = List.of("httpServers", "httpSseServers", "httpClients", "plugins");

    private NapCatConfigFile() {
    }

    /**
     * The properties the file stands for.
     *
     * @param notes    receives one sentence per thing that is ignored
     * @param problems receives one sentence per thing that is wrong
     */
    static Map<String, String> properties(JsonObject file, Map<String, Set<String>> knownOptions, List<String> notes,
                                          List<String> problems) {
        Map<String, String> properties = new TreeMap<>();
        JsonValue network = file.get("network");
        if (network == null) {
            notes.add("the file has no network section; no connection entries are imported");
            return properties;
        }
        if (!(network instanceof JsonObject sections)) {
            problems.add("network must be an object");
            return properties;
        }
        for (String kind : NOT_IMPLEMENTED) {
            if (sections.get(kind) instanceof JsonArray entries && !entries.isEmpty()) {
                notes.add(kind + " entries are not implemented by the gateway and are ignored: "
                        + entries.stream().map(e -> e instanceof JsonObject o ? o.getString("name", "?") : "?").toList());
            }
        }
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, String> kind : KINDS.entrySet()) {
            JsonValue section = sections.get(kind.getKey());
            if (section == null) {
                continue;
            }
            if (!(section instanceof JsonArray entries)) {
                problems.add("network." + kind.getKey() + " must be an array");
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i) instanceof JsonObject entry)) {
                    problems.add("network." + kind.getKey() + "[" + i + "] must be an object");
                    continue;
                }
                String name = entry.getString("name", kind.getValue()).replace('.', '_');
                if (!names.add(name)) {
                    problems.add("network." + kind.getKey() + "[" + i + "]: the name '" + name
                            + "' is used by another entry; every entry needs its own name");
                    continue;
                }
                String prefix = "onebot.network." + kind.getKey() + "." + name + ".";
                for (Map.Entry<String, JsonValue> option : entry.entrySet()) {
                    if (option.getKey().equals("name")) {
                        continue;
                    }
                    if (!knownOptions.get(kind.getKey()).contains(option.getKey())) {
                        notes.add("network." + kind.getKey() + "[" + i + "] (" + name + "): unknown key '"
                                + option.getKey() + "' is ignored");
                        continue;
                    }
                    properties.put(prefix + option.getKey(), text(option.getValue()));
                }
            }
        }
        return properties;
    }

    /** A JSON scalar as the property text NapCat's coercion would read it. */
    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
