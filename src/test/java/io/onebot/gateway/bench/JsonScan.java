package io.onebot.gateway.bench;

/**
 * Reads one whole-number field out of a JSON frame without parsing the rest, so that the load
 * tool spends as little CPU as possible on the machine it shares with the server under test.
 * Good enough for frames whose field of that name appears once at any depth.
 */
final class JsonScan {

    private JsonScan() {
    }

    /** The value of {@code "name": <digits>}, or -1 when it is absent or not a non-negative whole number. */
    static long longField(String json, String name) {
        String key = "\"" + name + "\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int i = at + key.length();
        while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == ':')) {
            i++;
        }
        long value = 0;
        int start = i;
        while (i < json.length() && Character.isDigit(json.charAt(i)) && i - start < 18) {
            value = value * 10 + (json.charAt(i) - '0');
            i++;
        }
        return i == start ? -1 : value;
    }
}
