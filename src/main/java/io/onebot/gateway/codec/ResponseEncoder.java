package io.onebot.gateway.codec;

import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.action.ActionResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * Writes the response envelope. The action's typed result goes through JSON-B with snake_case
 * names (null fields left out); the envelope itself is written directly so that {@code data:null}
 * is always present and {@code echo} is copied exactly as the request carried it.
 */
@ApplicationScoped
public class ResponseEncoder {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(false));

    /** One JSON text for the answer. */
    public String encode(ActionResponse response) {
        StringBuilder out = new StringBuilder(128);
        out.append("{\"status\":").append(quote(response.status()))
                .append(",\"retcode\":").append(response.retcode().code())
                .append(",\"data\":").append(data(response.data()))
                .append(",\"message\":").append(quote(response.message()))
                .append(",\"wording\":").append(quote(response.wording()))
                .append(",\"echo\":").append(response.echo())
                .append('}');
        return out.toString();
    }

    /** The JSON text of an action result: JSON values as they are, anything else through JSON-B. */
    public String data(Object data) {
        if (data == null) {
            return "null";
        }
        if (data instanceof JsonValue value) {
            return value.toString();
        }
        return jsonb.toJson(data);
    }

    private static String quote(String text) {
        return Jsonp.createValue(text).toString();
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // Closing only releases caches; nothing is left to do if it fails.
        }
    }
}
