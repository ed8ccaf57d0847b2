package io.onebot.gateway.testsupport;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The leak probe: test-only code deployed into the application server next to (or inside) the
 * gateway, never part of the gateway's WAR. It measures the server's JVM from inside, the same
 * way on every server ({@link ProcessResources}), and remembers the class loader of every gateway
 * deployment it is told about, weakly, so that it can say afterwards whether any thread still
 * holds one. On Payara Micro, whose test adapter runs one server per deployment, it also deploys
 * and undeploys the gateway itself, through Payara Micro's runtime API.
 *
 * <p>Routes under {@value #PATH}, all answering JSON:
 * <ul>
 *   <li>{@code GET /resources[?gc=true]}: threads (count, groups), file descriptors, sockets
 *       (counted and listed), pipe/epoll handles; the threads that reference a gateway class
 *       loader (as context class loader, or by their own class) and which deployments those are,
 *       and the threads that run gateway code; the tasks waiting in the server's default managed scheduler; and how many of the
 *       gateway class loaders seen are still alive ({@code gc=true} collects garbage first);</li>
 *   <li>{@code POST /track?context=/}: remembers the class loader of the web application at that
 *       context path (the probe's own {@code crossContextAllowed} lets it see other applications);</li>
 *   <li>{@code POST /deploy?name=n&contextRoot=/} with a WAR as the body, and
 *       {@code POST /undeploy?name=n}: Payara Micro only.</li>
 * </ul>
 */
@WebServlet(urlPatterns = LeakProbeServlet.PATH + "/*")
public class LeakProbeServlet extends HttpServlet {

    /** Where the probe's routes start, inside the application that carries it. */
    public static final String PATH = "/leak-probe";

    private static final long serialVersionUID = 1L;
    private static final String PAYARA_MICRO = "fish.payara.micro.PayaraMicro";

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private transient ScheduledExecutorService scheduler;

    private final transient List<WeakReference<ClassLoader>> gateways = new CopyOnWriteArrayList<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/resources".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if ("true".equals(request.getParameter("gc"))) {
            // Objects that wait for finalization or a cleaner are freed one collection later.
            for (int i = 0; i < 3; i++) {
                System.gc();
                System.runFinalization();
            }
        }
        ProcessResources resources = ProcessResources.now();
        JsonObjectBuilder groups = Json.createObjectBuilder();
        resources.threadGroups().forEach(groups::add);
        JsonArrayBuilder holding = Json.createArrayBuilder();
        int[] runningGatewayCode = {0};
        Set<Integer> held = new TreeSet<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            String reason = gatewayReference(thread);
            if (reason != null) {
                holding.add(thread.getName() + " (" + reason + ", " + thread.getState() + " at "
                        + List.of(stack).subList(0, Math.min(3, stack.length)) + ")");
                held.add(heldDeployment(thread));
            }
            if (reason != null && reason.startsWith("thread class")
                    || List.of(stack).stream().anyMatch(frame -> isGatewayCode(frame.getClassName()))) {
                runningGatewayCode[0]++;
            }
        });
        JsonArrayBuilder sockets = Json.createArrayBuilder();
        ProcessResources.socketDetails().forEach(sockets::add);
        long alive = gateways.stream().filter(reference -> reference.get() != null).count();
        send(response, Json.createObjectBuilder()
                .add("threads", resources.threads())
                .add("fileDescriptors", resources.fileDescriptors())
                .add("sockets", resources.sockets())
                .add("handles", resources.handles())
                .add("threadGroups", groups)
                .add("socketList", sockets)
                .add("gatewayThreads", holding)
                .add("threadsInGatewayCode", runningGatewayCode[0])
                .add("heldDeployments", Json.createArrayBuilder(held))
                .add("scheduledTasks", pendingTasks(scheduler))
                .add("gatewayLoadersSeen", gateways.size())
                .add("gatewayLoadersAlive", alive));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            switch (String.valueOf(request.getPathInfo())) {
                case "/track" -> track(request.getParameter("context"), response);
                case "/deploy" -> {
                    Object runtime = payaraMicroRuntime();
                    boolean deployed;
                    try (InputStream war = request.getInputStream()) {
                        deployed = (Boolean) runtime.getClass()
                                .getMethod("deploy", String.class, String.class, InputStream.class)
                                .invoke(runtime, request.getParameter("name"), request.getParameter("contextRoot"), war);
                    }
                    if (!deployed) {
                        response.sendError(HttpServletResponse.SC_CONFLICT, "Payara Micro did not deploy it");
                        return;
                    }
                    track(request.getParameter("contextRoot"), response);
                }
                case "/undeploy" -> {
                    Object runtime = payaraMicroRuntime();
                    runtime.getClass().getMethod("undeploy", String.class).invoke(runtime, request.getParameter("name"));
                    send(response, Json.createObjectBuilder().add("undeployed", request.getParameter("name")));
                }
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (ReflectiveOperationException e) {
            throw new IOException("Payara Micro's runtime API failed", e);
        }
    }

    private void track(String context, HttpServletResponse response) throws IOException {
        ServletContext other = getServletContext().getContext(context);
        ClassLoader own = getServletContext().getClassLoader();
        if (other == null || other.getClassLoader() == null || other.getClassLoader() == own) {
            response.sendError(HttpServletResponse.SC_CONFLICT, "no other application visible at " + context);
            return;
        }
        gateways.add(new WeakReference<>(other.getClassLoader()));
        send(response, Json.createObjectBuilder().add("tracked", gateways.size()));
    }

    /** Why the thread references a gateway class loader, or null when it does not. */
    private String gatewayReference(Thread thread) {
        int context = contextDeployment(thread);
        if (context > 0) {
            return "context class loader of deployment " + context;
        }
        int own = deployment(thread.getClass().getClassLoader());
        return own > 0 ? "thread class of deployment " + own : null;
    }

    /** The gateway deployment whose class loader the thread references, counting from 1; 0 for none. */
    private int heldDeployment(Thread thread) {
        int context = contextDeployment(thread);
        return context > 0 ? context : deployment(thread.getClass().getClassLoader());
    }

    private int contextDeployment(Thread thread) {
        for (ClassLoader loader = thread.getContextClassLoader(); loader != null; loader = loader.getParent()) {
            int deployment = deployment(loader);
            if (deployment > 0) {
                return deployment;
            }
        }
        return 0;
    }

    /** Whether a class is the gateway's own (the probe shares its package root but not its code). */
    private static boolean isGatewayCode(String className) {
        return className.startsWith("io.onebot.gateway.") && !className.startsWith(LeakProbeServlet.class.getPackageName());
    }

    /** Which gateway deployment, counting from 1, the class loader belongs to; 0 for none. */
    private int deployment(ClassLoader loader) {
        for (int i = 0; loader != null && i < gateways.size(); i++) {
            if (gateways.get(i).get() == loader) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Tasks waiting in the server's default managed scheduler and not cancelled: every timer the
     * gateway starts (settings watcher, heartbeats, reverse dials) waits there. Both servers build
     * it on the same reference implementation, whose pool is a {@link ScheduledThreadPoolExecutor}
     * a field or two inside the object JNDI hands out; -1 when it cannot be found.
     */
    static int pendingTasks(Object executor) {
        ScheduledThreadPoolExecutor pool = findPool(executor, 4);
        if (pool == null) {
            return -1;
        }
        int pending = 0;
        for (Runnable task : pool.getQueue()) {
            if (!(task instanceof Future<?> future) || !future.isDone()) {
                pending++;
            }
        }
        return pending;
    }

    private static ScheduledThreadPoolExecutor findPool(Object executor, int depth) {
        if (executor instanceof ScheduledThreadPoolExecutor pool) {
            return pool;
        }
        if (executor == null || depth == 0) {
            return null;
        }
        for (Class<?> type = executor.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !ExecutorService.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    ScheduledThreadPoolExecutor found = findPool(field.get(executor), depth - 1);
                    if (found != null) {
                        return found;
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Not reachable on this server: try the next field.
                }
            }
        }
        return null;
    }

    private static Object payaraMicroRuntime() throws ReflectiveOperationException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> micro = Class.forName(PAYARA_MICRO, true, loader);
        Object instance = micro.getMethod("getInstance").invoke(null);
        return micro.getMethod("getRuntime").invoke(instance);
    }

    private static void send(HttpServletResponse response, JsonObjectBuilder json) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.build().toString());
    }
}
