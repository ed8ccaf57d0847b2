package io.onebot.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The HTTP listeners a standalone run needs so that every enabled server entry is reachable on
 * its own {@code host:port}: one listener per distinct port. Entries that share a port share its
 * listener and are told apart by path; when they ask for different addresses the listener binds
 * every interface and each entry's own host rule is enforced per connection, before the upgrade.
 *
 * <p>On a full application server the listeners belong to the administrator; this plan is what
 * the embedded run and the server-config scripts derive their listener commands from.
 */
public final class ListenerPlan {

    /** The address that accepts connections on every interface. */
    public static final String ALL_INTERFACES = "0.0.0.0";

    /**
     * One listener.
     *
     * @param host    the address to bind
     * @param port    the port to bind
     * @param entries the names of the entries served on it, in settings order
     */
    public record Listener(String host, int port, List<String> entries) {

        public Listener {
            entries = List.copyOf(entries);
        }
    }

    private ListenerPlan() {
    }

    /**
     * The listeners for the enabled server entries, by ascending port; empty when no entry is
     * enabled.
     */
    public static List<Listener> of(GatewaySettings settings) {
        Map<Integer, List<ServerEntry>> byPort = new TreeMap<>();
        for (ServerEntry entry : settings.servers()) {
            if (entry.enable()) {
                byPort.computeIfAbsent(entry.port(), port -> new ArrayList<>()).add(entry);
            }
        }
        List<Listener> listeners = new ArrayList<>();
        byPort.forEach((port, entries) -> {
            Set<String> hosts = new LinkedHashSet<>();
            List<String> names = new ArrayList<>();
            for (ServerEntry entry : entries) {
                hosts.add(entry.servesAllInterfaces() ? ALL_INTERFACES : bindable(entry.host()));
                names.add(entry.name());
            }
            String host = hosts.size() == 1 ? hosts.iterator().next() : ALL_INTERFACES;
            listeners.add(new Listener(host, port, names));
        });
        return listeners;
    }

    /** Strips the brackets of an IPv6 literal, which listener addresses do not take. */
    private static String bindable(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
