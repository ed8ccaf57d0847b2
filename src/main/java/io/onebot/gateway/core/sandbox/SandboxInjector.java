package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.codec.CqCode;
import io.onebot.gateway.codec.MessageValues;
import io.onebot.gateway.core.EventInjector;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Person;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.event.GenericEvent;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.event.OneBotEvent;
import io.onebot.gateway.protocol.event.Sender;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes events injected from outside and emits them through the sandbox.
 *
 * <p>Whatever the event leaves out is filled in: {@code time}, {@code self_id}, a fresh
 * {@code message_id}, the message from {@code raw_message} (or the reverse), {@code font}, the
 * {@code sub_type} and a {@code sender} taken from the world. Fields the model does not name are
 * kept. All events of one call are checked before the first is emitted. A request event
 * (friend, or group add/invite) is also filed in the world, under its {@code flag} or a fresh
 * one, so that {@code set_friend_add_request} and {@code set_group_add_request} can answer it.
 */
final class SandboxInjector implements EventInjector {

    private static final Set<String> POST_TYPES = Set.of("message", "message_sent", "notice", "request", "meta_event");
    /** Message-event fields that the typed model writes itself. */
    private static final Set<String> MODELLED = Set.of("time", "self_id", "post_type", "message_type", "sub_type",
            "message_id", "message_seq", "real_id", "user_id", "group_id", "group_name", "target_id", "sender",
            "message", "raw_message", "message_format", "font", "message_sent_type");

    private final SandboxCore core;

    SandboxInjector(SandboxCore core) {
        this.core = core;
    }

    @Override
    public List<Integer> inject(List<JsonObject> events) {
        List<Integer> ids = new ArrayList<>(events.size());
        for (OneBotEvent event : emit(events)) {
            ids.add(event instanceof MessageEvent message ? message.messageId() : null);
        }
        return ids;
    }

    /**
     * Completes and emits the given events in order, or none of them when any is invalid.
     *
     * @return the events as emitted
     * @throws IllegalArgumentException naming the first invalid event and why
     */
    List<OneBotEvent> emit(List<JsonObject> events) {
        List<OneBotEvent> prepared = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            try {
                prepared.add(prepare(events.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException((events.size() == 1 ? "event" : "event[" + i + "]") + ": " + e.getMessage(), e);
            }
        }
        for (OneBotEvent event : prepared) {
            if (event instanceof MessageEvent message) {
                core.record(message);
            } else {
                if (event instanceof GenericEvent generic && generic.postType().equals("request")) {
                    file(generic.body());
                }
                core.emit(event);
            }
        }
        return prepared;
    }

    private OneBotEvent prepare(JsonObject event) {
        String postType = event.containsKey("post_type") ? string(event, "post_type")
                : event.containsKey("message_type") || event.containsKey("message") || event.containsKey("raw_message")
                ? "message" : null;
        if (postType == null || !POST_TYPES.contains(postType)) {
            throw new IllegalArgumentException("post_type must be one of " + POST_TYPES + ", not " + event.get("post_type"));
        }
        if (event.containsKey("self_id") && integer(event, "self_id") != core.selfId()) {
            throw new IllegalArgumentException("self_id " + event.get("self_id") + " is not the sandbox account "
                    + core.selfId() + "; leave it out");
        }
        long time = event.containsKey("time") ? integer(event, "time") : core.now();
        if (time < 0) {
            throw new IllegalArgumentException("time must be Unix seconds, not " + time);
        }
        if (postType.startsWith("message")) {
            return message(event, postType.equals("message_sent"), time);
        }
        String typeKey = postType.equals("meta_event") ? "meta_event_type" : postType + "_type";
        string(event, typeKey);
        JsonObjectBuilder body = Jsonp.createObjectBuilder(event)
                .add("time", time)
                .add("self_id", core.selfId())
                .add("post_type", postType);
        if (postType.equals("request")) {
            checkRequest(event);
            if (!event.containsKey("flag")) {
                body.add("flag", core.world().newFlag());
            }
        }
        return new GenericEvent(body.build());
    }

    /** A request event must say who asks for what, so that it can be answered by its flag. */
    private void checkRequest(JsonObject event) {
        String type = string(event, "request_type");
        integer(event, "user_id");
        if (event.containsKey("flag") && string(event, "flag").isBlank()) {
            throw new IllegalArgumentException("flag must not be blank; leave it out to get one");
        }
        switch (type) {
            case "friend" -> { }
            case "group" -> {
                long groupId = integer(event, "group_id");
                String subType = event.containsKey("sub_type") ? string(event, "sub_type") : "";
                if (!subType.equals("add") && !subType.equals("invite")) {
                    throw new IllegalArgumentException("sub_type of a group request must be add or invite, not '" + subType + "'");
                }
                if (subType.equals("add") && core.world().group(groupId).isEmpty()) {
                    throw new IllegalArgumentException("group " + groupId + " does not exist in the sandbox; groups: "
                            + core.world().groups().stream().map(Group::groupId).toList());
                }
            }
            default -> throw new IllegalArgumentException("request_type must be friend or group, not '" + type + "'");
        }
    }

    /** Files an emitted request in the world, so that set_*_add_request can answer it. */
    private void file(JsonObject request) {
        long userId = integer(request, "user_id");
        Person user = core.world().meet(new Person(userId, request.getString("nickname", ""), "unknown", 0));
        String flag = request.getString("flag");
        String comment = request.getString("comment", "");
        if (request.getString("request_type").equals("friend")) {
            core.world().addFriendRequest(new SandboxWorld.FriendRequest(flag, user, comment));
        } else {
            long groupId = integer(request, "group_id");
            String groupName = request.getString("group_name", core.world().group(groupId).map(Group::name)
                    .orElse("Group " + groupId));
            core.world().addGroupRequest(new SandboxWorld.GroupRequest(flag, request.getString("sub_type"), groupId,
                    groupName, user, comment));
        }
    }

    private MessageEvent message(JsonObject event, boolean sentType, long time) {
        Long groupId = event.containsKey("group_id") ? integer(event, "group_id") : null;
        String messageType = event.containsKey("message_type") ? string(event, "message_type")
                : groupId != null ? MessageEvent.GROUP : MessageEvent.PRIVATE;
        boolean group = switch (messageType) {
            case MessageEvent.GROUP -> true;
            case MessageEvent.PRIVATE -> false;
            default -> throw new IllegalArgumentException("message_type must be private or group, not " + messageType);
        };
        JsonObject givenSender = event.get("sender") instanceof JsonObject s ? s : JsonValue.EMPTY_JSON_OBJECT;
        long userId = event.containsKey("user_id") ? integer(event, "user_id")
                : givenSender.containsKey("user_id") ? integer(givenSender, "user_id")
                : sentType ? core.selfId() : missing("user_id");
        boolean self = sentType || userId == core.selfId();
        List<Segment> message = segments(event);
        Group target = null;
        if (group) {
            if (groupId == null) {
                missing("group_id");
            }
            target = core.world().group(groupId).orElseThrow(() -> new IllegalArgumentException("group " + event.get("group_id")
                    + " does not exist in the sandbox; groups: " + core.world().groups().stream().map(Group::groupId).toList()));
        }
        Long targetId = event.containsKey("target_id") ? Long.valueOf(integer(event, "target_id"))
                : group && self ? groupId : null;
        if (self && !group && targetId == null) {
            missing("target_id");
        }
        String subType = event.containsKey("sub_type") ? string(event, "sub_type")
                : group ? "normal" : core.world().friend(userId).isPresent() || self ? "friend" : "group";
        int font = event.containsKey("font") ? (int) integer(event, "font") : SandboxCore.FONT;
        JsonObjectBuilder extra = Jsonp.createObjectBuilder();
        for (Map.Entry<String, JsonValue> field : event.entrySet()) {
            if (!MODELLED.contains(field.getKey())) {
                extra.add(field.getKey(), field.getValue());
            }
        }
        return new MessageEvent(time, core.selfId(), self, messageType, subType, core.nextMessageId(), userId,
                groupId, target == null ? null : target.name(), targetId, sender(userId, target, givenSender),
                message, font, extra.build());
    }

    private List<Segment> segments(JsonObject event) {
        List<Segment> message;
        try {
            if (event.containsKey("message") && event.get("message").getValueType() != JsonValue.ValueType.NULL) {
                message = MessageValues.parse(event.get("message"), false);
            } else if (event.containsKey("raw_message")) {
                message = CqCode.decode(string(event, "raw_message"));
            } else {
                throw new IllegalArgumentException("message (or raw_message) is required");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("message") ? e.getMessage()
                    : "message is invalid: " + e.getMessage(), e);
        }
        if (message.isEmpty()) {
            throw new IllegalArgumentException("message is empty");
        }
        return message;
    }

    /** The sender from the world, with whatever the event itself says about it on top. */
    private Sender sender(long userId, Group group, JsonObject given) {
        Person person = core.world().person(userId).orElse(new Person(userId, "", "unknown", 0));
        Sender known = group == null ? Sender.person(userId, person.nickname(), person.sex(), person.age())
                : group.member(userId).map(SandboxCore::sender).orElse(Sender.member(userId, person.nickname(),
                        person.sex(), person.age(), "", "member", "", ""));
        return new Sender(userId,
                override(given, "nickname", known.nickname()),
                override(given, "sex", known.sex()),
                given.containsKey("age") ? (int) Fields.integer(given, "age") : known.age(),
                override(given, "card", known.card()),
                override(given, "role", known.role()),
                override(given, "area", known.area()),
                override(given, "level", known.level()),
                override(given, "title", known.title()));
    }

    private static String override(JsonObject given, String key, String known) {
        return given.containsKey(key) ? string(given, key) : known;
    }

    private static long missing(String field) {
        throw Fields.missing(field);
    }

    private static String string(JsonObject object, String key) {
        return Fields.string(object, key);
    }

    private static long integer(JsonObject object, String key) {
        return Fields.integer(object, key);
    }
}
