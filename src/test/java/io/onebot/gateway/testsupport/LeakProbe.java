package io.onebot.gateway.testsupport;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test's side of the {@link LeakProbeServlet}: builds the probe's WAR, or adds the probe to
 * the gateway's, and reads what the probe measures inside the server.
 */
public final class LeakProbe {

    /**
     * One measurement inside the server.
     *
     * @param resources      the server JVM's threads and descriptors
     * @param socketList     the server's open sockets, one line each ({@link ProcessResources#socketDetails()})
     * @param gatewayThreads threads that still reference a gateway class loader, with the reason
     * @param threadsInGatewayCode threads whose class is the gateway's or whose stack runs gateway code
     * @param heldDeployments which deployments (counting from 1) those threads' class loaders belong to
     * @param scheduledTasks tasks waiting in the default managed scheduler (-1: not readable)
     * @param loadersSeen    gateway class loaders the probe was told about
     * @param loadersAlive   of those, the ones not yet collected
     */
    public record Reading(ProcessResources resources, List<String> socketList, List<String> gatewayThreads,
                          int threadsInGatewayCode, List<Integer> heldDeployments, int scheduledTasks,
                          int loadersSeen, int loadersAlive) {

        /** The socket lines there are more of now than in {@code baseline}. */
        public List<String> socketsGrownSince(Reading baseline) {
            List<String> grown = new ArrayList<>(socketList);
            baseline.socketList.forEach(grown::remove);
            return grown;
        }

        /** A one-line summary for test output and failure messages. */
        public String summary() {
            return resources.summary() + ", " + scheduledTasks + " scheduled tasks, " + gatewayThreads.size()
                    + " threads holding a gateway class loader, " + threadsInGatewayCode + " in gateway code, "
                    + loadersAlive + " of " + loadersSeen
                    + " gateway class loaders alive";
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param application the URL of the application that carries the probe */
    public LeakProbe(URL application) {
        String url = application.toString();
        this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + LeakProbeServlet.PATH;
    }

    /** A WAR holding only the probe, at {@code /leak-probe}, allowed to look into other applications. */
    public static WebArchive war() {
        return ShrinkWrap.create(WebArchive.class, "leak-probe.war")
                .addClasses(LeakProbeServlet.class, ProcessResources.class)
                .addAsWebInfResource(new StringAsset("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN" "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
                        <glassfish-web-app>
                          <property name="crossContextAllowed" value="true"/>
                        </glassfish-web-app>
                        """), "glassfish-web.xml");
    }

    /** The gateway's WAR with the probe inside, for measuring a server that runs just the gateway. */
    public static WebArchive inside(WebArchive gateway) {
        return gateway.addClasses(LeakProbeServlet.class, ProcessResources.class);
    }

    /** Measures; {@code collectGarbage} first, to tell live class loaders from collectable ones. */
    public Reading read(boolean collectGarbage) throws IOException, InterruptedException {
        JsonObject json = WsClient.parse(call(HttpRequest.newBuilder(URI.create(base + "/resources"
                + (collectGarbage ? "?gc=true" : ""))).timeout(Duration.ofMinutes(1)).GET()));
        Map<String, Integer> groups = new TreeMap<>();
        json.getJsonObject("threadGroups").forEach((name, count) -> groups.put(name, Integer.parseInt(count.toString())));
        ProcessResources resources = new ProcessResources(json.getInt("threads"), groups,
                json.getInt("fileDescriptors"), json.getInt("sockets"), json.getInt("handles"));
        return new Reading(resources, strings(json.getJsonArray("socketList")), strings(json.getJsonArray("gatewayThreads")),
                json.getInt("threadsInGatewayCode"),
                json.getJsonArray("heldDeployments").getValuesAs(JsonNumber.class).stream().map(JsonNumber::intValue)
                        .toList(),
                json.getInt("scheduledTasks"), json.getInt("gatewayLoadersSeen"), json.getInt("gatewayLoadersAlive"));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /**
     * Reads until two readings a second apart agree on threads, sockets and handles, at most
     * {@code limit}; returns the last reading.
     */
    public Reading settled(Duration limit) {
        Reading[] last = {null};
        await().atMost(limit).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Reading now = read(false);
            Reading before = last[0];
            last[0] = now;
            return before != null && now.resources().threads() == before.resources().threads()
                    && now.resources().sockets() == before.resources().sockets()
                    && now.resources().handles() == before.resources().handles();
        });
        return last[0];
    }

    /** Remembers the class loader of the application at {@code contextPath}. */
    public void track(String contextPath) throws IOException, InterruptedException {
        call(HttpRequest.newBuilder(URI.create(base + "/track?context=" + contextPath))
                .timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Payara Micro only: deploys the WAR file under {@code name} at {@code contextPath}, and tracks it. */
    public void deploy(String name, String contextPath, Path war) throws IOException, InterruptedException {
        call(HttpRequest.newBuilder(URI.create(base + "/deploy?name=" + name + "&contextRoot=" + contextPath))
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofFile(war)));
    }

    /** Payara Micro only: undeploys the application of that name. */
    public void undeploy(String name) throws IOException, InterruptedException {
        call(HttpRequest.newBuilder(URI.create(base + "/undeploy?name=" + name))
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("leak probe answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
