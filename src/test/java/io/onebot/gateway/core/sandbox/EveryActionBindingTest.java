package io.onebot.gateway.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionHandler;
import io.onebot.gateway.core.Alias;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.protocol.action.ActionResponse;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * Parameter binding for every registered action, derived from the actions themselves so that a
 * new action cannot slip through: each required parameter, when missing, and each parameter, when
 * given a value of a type it cannot take, is answered 1400 with a message naming it, and nothing
 * else happens. Numbers given as decimal strings are accepted wherever a number is expected.
 */
@EnableWeld
class EveryActionBindingTest extends SandboxTestBase {

    @WeldSetup
    WeldInitiator weld = sandboxWith(Map.of());

    private ActionResponse send(String action, JsonObjectBuilder params) {
        String request = Json.createObjectBuilder().add("action", action).add("params", params).build().toString();
        return dispatcher.respond(request, new ActionContext("t", MessageFormat.ARRAY)).toCompletableFuture().join();
    }

    private static String wireName(RecordComponent component) {
        String name = component.getName();
        StringBuilder snake = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }

    /** A plausible value of the component's type, so that only the parameter under test is wrong. */
    private static void plausible(JsonObjectBuilder params, RecordComponent component) {
        Class<?> type = component.getType();
        String name = wireName(component);
        if (type == String.class) {
            params.add(name, "x");
        } else if (type == boolean.class || type == Boolean.class) {
            params.add(name, true);
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            params.add(name, 1);
        } else if (type == jakarta.json.JsonObject.class) {
            params.add(name, Json.createObjectBuilder());
        } else {
            params.add(name, "x");
        }
    }

    @Test
    void everyActionNamesItsMissingAndMistypedParameters() {
        List<String> checked = new ArrayList<>();
        for (ActionHandler<?, ?> handler : core.actions()) {
            RecordComponent[] components = handler.paramsType().getRecordComponents();
            for (RecordComponent component : components) {
                String name = wireName(component);
                if (component.isAnnotationPresent(Required.class)) {
                    JsonObjectBuilder others = Json.createObjectBuilder();
                    for (RecordComponent other : components) {
                        if (other != component) {
                            plausible(others, other);
                        }
                    }
                    ActionResponse missing = send(handler.name(), others);
                    assertEquals(1400, missing.retcode().code(), handler.name() + " without " + name + ": "
                            + missing.message());
                    assertTrue(missing.message().contains(name) || aliasNamed(component, missing.message()),
                            handler.name() + " names the missing " + name + ": " + missing.message());
                }
                if (component.getType() == jakarta.json.JsonValue.class) {
                    continue;
                }
                JsonObjectBuilder wrong = Json.createObjectBuilder();
                for (RecordComponent other : components) {
                    if (other != component) {
                        plausible(wrong, other);
                    }
                }
                if (component.getType() == jakarta.json.JsonObject.class) {
                    wrong.add(name, "not an object");
                } else {
                    wrong.add(name, Json.createObjectBuilder().add("not", "a " + component.getType().getSimpleName()));
                }
                ActionResponse mistyped = send(handler.name(), wrong);
                assertEquals(1400, mistyped.retcode().code(), handler.name() + " with a wrong type as " + name + ": "
                        + mistyped.message());
                assertTrue(mistyped.message().contains(name), handler.name() + " names " + name + ": "
                        + mistyped.message());
                checked.add(handler.name() + "." + name);
            }
        }
        assertTrue(checked.size() > 80, "every parameter of every action was tried: " + checked.size());
    }

    private static boolean aliasNamed(RecordComponent component, String message) {
        Alias alias = component.getAnnotation(Alias.class);
        return alias != null && message.contains(alias.value());
    }

    @Test
    void numbersMayComeAsDecimalStrings() {
        ActionResponse info = send("get_group_member_info", Json.createObjectBuilder()
                .add("group_id", "30001").add("user_id", "20001"));
        assertTrue(info.isOk(), info.message());
        ActionResponse bad = send("get_group_member_info", Json.createObjectBuilder()
                .add("group_id", "30001x").add("user_id", 20001));
        assertEquals(1400, bad.retcode().code());
        assertTrue(bad.message().contains("group_id"), bad.message());
    }
}
