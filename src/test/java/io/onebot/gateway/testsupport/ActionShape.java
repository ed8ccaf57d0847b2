package io.onebot.gateway.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.onebot.gateway.core.ActionHandler;
import io.onebot.gateway.core.Alias;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An action as a client sees it: its wire name and its parameters, read from the handler's
 * parameter record the way the gateway binds it (snake_case names, {@link Alias},
 * {@link Required}). Generated requests are derived from these, so that a new action is fuzzed
 * without anyone listing it.
 *
 * @param name   the wire name
 * @param params the parameters in binding order
 */
public record ActionShape(String name, List<Param> params) {

    /**
     * One parameter.
     *
     * @param name     the snake_case wire name
     * @param alias    the second name it is read from, or null
     * @param type     the record component's type
     * @param required whether the request must carry it
     */
    public record Param(String name, String alias, Class<?> type, boolean required) {

        /** Whether the gateway passes the value through as JSON, so that no value has the wrong type. */
        public boolean anyJson() {
            return type == jakarta.json.JsonValue.class;
        }
    }

    /** The shape of a registered handler. */
    public static ActionShape of(ActionHandler<?, ?> handler) {
        List<Param> params = new ArrayList<>();
        for (RecordComponent component : handler.paramsType().getRecordComponents()) {
            Alias alias = component.getAnnotation(Alias.class);
            params.add(new Param(snakeCase(component.getName()), alias == null ? null : alias.value(),
                    component.getType(), component.isAnnotationPresent(Required.class)));
        }
        return new ActionShape(handler.name(), List.copyOf(params));
    }

    /** The shapes of these handlers, by name. */
    public static List<ActionShape> of(Collection<? extends ActionHandler<?, ?>> handlers) {
        return handlers.stream().map(ActionShape::of).sorted(Comparator.comparing(ActionShape::name)).toList();
    }

    /**
     * The sandbox's actions read from its classes, for a test that talks to a deployed gateway and
     * has no CDI container of its own: every concrete {@link SandboxAction} has a public no-argument
     * constructor that states its name and parameter record.
     */
    public static List<ActionShape> ofSandboxClasses() {
        List<ActionHandler<?, ?>> handlers = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(SandboxAction.class.getPackageName() + ".action")) {
            Class<?> loaded = type.reflect();
            if (SandboxAction.class.isAssignableFrom(loaded) && !Modifier.isAbstract(loaded.getModifiers())) {
                try {
                    handlers.add((ActionHandler<?, ?>) loaded.getConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the action " + loaded.getName(), e);
                }
            }
        }
        return of(handlers);
    }

    /** The names a parameter may be called by in an error message. */
    public List<String> namesOf(Param param) {
        return param.alias() == null ? List.of(param.name()) : List.of(param.name(), param.alias());
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
