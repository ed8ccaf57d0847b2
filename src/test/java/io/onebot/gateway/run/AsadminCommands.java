package io.onebot.gateway.run;

import io.onebot.gateway.config.ConfigurationException;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.ListenerPlan;
import io.onebot.gateway.config.ListenerPlan.Listener;
import io.onebot.gateway.config.SettingsReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes the {@code asadmin} commands that set up the gateway on Payara from a settings file.
 * The settings are read and validated by the gateway's own reader first, so a mistake stops here
 * with the message the deployment would have given.
 *
 * <ul>
 *   <li>{@code micro}: the preboot command file of the embedded run ({@code mvn -Ppayara-run}):
 *       the fixed commands of a template (without its comments) and the listeners. The settings
 *       themselves reach Payara Micro through {@code --systemproperties}.</li>
 *   <li>{@code server}: a command file for {@code asadmin multimode --file} on Payara Server: every
 *       {@code onebot.*} setting as a system property, the listeners, and the WAR deployed at
 *       {@code /}.</li>
 * </ul>
 *
 * <p>Listeners follow {@link ListenerPlan}: the server's own HTTP listener moves to the first
 * planned address and port, and every further port gets a listener named {@code onebot-<port>}.
 *
 * <p>Arguments: {@code micro <settings.properties> <template.txt> <output.txt>} or
 * {@code server <settings.properties> <onebot.war> <output.asadmin>}.
 */
public final class AsadminCommands {

    /** Where the built-in HTTP listener of each Payara flavour is configured. */
    enum Flavour {
        MICRO("http-listener"),
        SERVER("http-listener-1");

        private final String listener;

        Flavour(String listener) {
            this.listener = listener;
        }

        String attribute(String name) {
            return "configs.config.server-config.network-config.network-listeners.network-listener."
                    + listener + "." + name;
        }
    }

    private AsadminCommands() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !(args[0].equals("micro") || args[0].equals("server"))) {
            throw new IllegalArgumentException("usage: micro <settings.properties> <template.txt> <output.txt>"
                    + " | server <settings.properties> <onebot.war> <output.asadmin>");
        }
        Properties properties = load(Path.of(args[1]));
        GatewaySettings settings;
        try {
            settings = SettingsReader.read(properties);
        } catch (ConfigurationException e) {
            throw new IllegalStateException(args[1] + ": " + e.getMessage(), e);
        }
        List<Listener> plan = ListenerPlan.of(settings);
        List<String> lines = new ArrayList<>();
        if (args[0].equals("micro")) {
            lines.addAll(withoutComments(Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)));
            lines.addAll(listeners(Flavour.MICRO, plan));
        } else {
            lines.addAll(systemProperties(properties));
            lines.addAll(listeners(Flavour.SERVER, plan));
            lines.add("deploy --force=true --name onebot --contextroot / " + Path.of(args[2]).toAbsolutePath());
        }
        Path output = Path.of(args[3]).toAbsolutePath();
        Files.createDirectories(output.getParent());
        Files.write(output, lines, StandardCharsets.UTF_8);
        for (Listener listener : plan) {
            System.out.printf("Listener %s:%d for %s%n", listener.host(), listener.port(), listener.entries());
        }
        System.out.println("Wrote " + output);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> withoutComments(List<String> template) {
        return template.stream().filter(line -> !line.isBlank() && !line.strip().startsWith("#")).toList();
    }

    /** Moves the built-in listener to the first planned one and creates the others. */
    static List<String> listeners(Flavour flavour, List<Listener> plan) {
        List<String> commands = new ArrayList<>();
        if (plan.isEmpty()) {
            commands.add("set " + flavour.attribute("address") + "=127.0.0.1");
            return commands;
        }
        Listener first = plan.get(0);
        commands.add("set " + flavour.attribute("address") + "=" + first.host());
        commands.add("set " + flavour.attribute("port") + "=" + first.port());
        for (Listener listener : plan.subList(1, plan.size())) {
            commands.add("create-network-listener --protocol " + flavour.listener + " --address " + listener.host()
                    + " --listenerport " + listener.port() + " onebot-" + listener.port());
        }
        return commands;
    }

    /**
     * One {@code create-system-properties} per {@code onebot.*} setting, in name order. Colons and
     * equals signs are escaped as the command requires. An empty value is the default of every
     * option that may be empty, and the command cannot create one, so it is left out with a
     * comment. Quotes and backslashes do not survive asadmin's parsing, so such a value is refused.
     */
    static List<String> systemProperties(Properties properties) {
        List<String> commands = new ArrayList<>();
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(SettingsReader.PREFIX)) {
                sorted.put(name, properties.getProperty(name));
            }
        }
        sorted.forEach((name, value) -> {
            if (value.isEmpty()) {
                commands.add("# " + name + " is empty, which is its default");
            } else if (value.contains("\"") || value.contains("\\")) {
                throw new IllegalStateException(name + " contains a quote or a backslash, which asadmin cannot take"
                        + " in a command file; set it in the admin console instead");
            } else {
                commands.add("create-system-properties \"" + name + "=" + escape(value) + "\"");
            }
        });
        return commands;
    }

    private static String escape(String value) {
        return value.replace(":", "\\:").replace("=", "\\=");
    }
}
