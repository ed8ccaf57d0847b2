package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.ActionHandler;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.CoreControl;
import io.onebot.gateway.core.EventInjector;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.event.BotStatus;
import io.onebot.gateway.protocol.event.GenericEvent;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.event.OneBotEvent;
import io.onebot.gateway.protocol.event.Sender;
import io.onebot.gateway.protocol.message.Segment;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import io.onebot.gateway.core.sandbox.SandboxWorld.Person;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A simulated QQ account. It holds the world and the message store, carries out sends and
 * recalls with real state, and fires the resulting events as CDI events.
 *
 * <p>Typed to its own class so that the active {@link BotCore} is chosen by configuration, not by
 * which beans exist.
 */
@ApplicationScoped
@Typed(SandboxCore.class)
public class SandboxCore implements BotCore {

    /** The {@code font} of every message, as NapCat reports it. */
    public static final int FONT = 14;

    @Inject
    GatewaySettings settings;

    @Inject
    Event<OneBotEvent> events;

    @Inject
    Clock clock;

    @Inject
    @Any
    Instance<SandboxAction<?, ?>> handlers;

    private SandboxWorld world;
    // Replaced as a whole by reset(); volatile so that every thread sees the current ones.
    private volatile MessageStore store;
    private volatile ForwardStore forwards;
    private volatile Essences essences;
    private volatile MediaIndex media;
    private SandboxInjector injector;
    private SandboxControl control;

    @PostConstruct
    void init() {
        world = new SandboxWorld(settings.sandbox().world());
        freshStores();
        injector = new SandboxInjector(this);
        control = new SandboxControl(this, injector);
    }

    @Override
    public long selfId() {
        return world.self().userId();
    }

    @Override
    public String nickname() {
        return world.self().nickname();
    }

    @Override
    public BotStatus status() {
        return new BotStatus(true, true);
    }

    @Override
    public Collection<ActionHandler<?, ?>> actions() {
        List<ActionHandler<?, ?>> all = new ArrayList<>();
        handlers.forEach(all::add);
        return all;
    }

    @Override
    public Optional<EventInjector> injector() {
        return Optional.of(injector);
    }

    @Override
    public Optional<CoreControl> control() {
        return Optional.of(control);
    }

    /** The people and groups the account knows. */
    public SandboxWorld world() {
        return world;
    }

    /** Unix time in seconds. */
    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** Sends a private message to a friend; returns its id. */
    public int sendPrivate(long userId, List<Segment> message) {
        Person peer = friend(userId);
        MessageEvent sent = new MessageEvent(now(), selfId(), true, MessageEvent.PRIVATE, "friend", store.nextId(),
                selfId(), null, null, peer.userId(), Sender.person(selfId(), nickname(), world.self().sex(), world.self().age()), message, FONT, null);
        return record(sent);
    }

    /** Sends a message to a group the account is in; returns its id. */
    public int sendGroup(long groupId, List<Segment> message) {
        Group group = group(groupId);
        Member me = group.member(selfId()).orElseThrow();
        MessageEvent sent = new MessageEvent(now(), selfId(), true, MessageEvent.GROUP, "normal", store.nextId(),
                selfId(), groupId, group.name(), groupId, sender(me), message, FONT, null);
        return record(sent);
    }

    /** A friend of the account, or a failure naming the friends. */
    public Person friend(long userId) {
        return world.friend(userId).map(SandboxWorld.Friend::person)
                .orElseThrow(() -> new ActionFailedException("user " + userId
                        + " is not a friend of the sandbox account; friends: "
                        + world.friends().stream().map(f -> f.person().userId()).toList()));
    }

    /** Anyone the account knows, or a failure naming them. */
    public Person person(long userId) {
        return world.person(userId).orElseThrow(() -> new ActionFailedException("user " + userId
                + " is not known to the sandbox account; known: " + world.knownPeople()));
    }

    /** The group with that id, or a failure naming the known groups. */
    public Group group(long groupId) {
        return world.group(groupId).orElseThrow(() -> new ActionFailedException("group " + groupId
                + " does not exist in the sandbox; groups: " + world.groups().stream().map(Group::groupId).toList()));
    }

    /** A stored message, or a failure. */
    public MessageEvent message(int messageId) {
        return store.get(messageId).orElseThrow(() -> notFound(messageId));
    }

    /** Recalls a stored message and emits the matching recall notice. */
    public void recall(int messageId) {
        MessageEvent message = store.remove(messageId).orElseThrow(() -> notFound(messageId));
        var notice = Jsonp.createObjectBuilder()
                .add("time", now())
                .add("self_id", selfId())
                .add("post_type", "notice");
        if (message.isGroup()) {
            notice.add("notice_type", "group_recall")
                    .add("group_id", message.groupId())
                    .add("user_id", message.userId())
                    .add("operator_id", selfId());
        } else {
            notice.add("notice_type", "friend_recall")
                    .add("user_id", message.self() ? message.targetId() : message.userId());
        }
        events.fire(new GenericEvent(notice.add("message_id", messageId).build()));
    }

    /**
     * Up to {@code count} messages of a group, oldest first: the latest, or the message
     * {@code anchor} and those before it. Recalled and forgotten messages are not there.
     */
    public List<MessageEvent> groupHistory(long groupId, Integer anchor, int count) {
        group(groupId);
        return history(MessageStore.group(groupId), anchor, count, "group " + groupId);
    }

    /** Like {@link #groupHistory}, for the private chat with a person the account knows. */
    public List<MessageEvent> friendHistory(long userId, Integer anchor, int count) {
        person(userId);
        return history(MessageStore.peer(userId), anchor, count, "the chat with user " + userId);
    }

    private List<MessageEvent> history(String conversation, Integer anchor, int count, String where) {
        return store.history(conversation, anchor, count).orElseThrow(() -> new ActionFailedException("message "
                + anchor + " is not a stored message of " + where + " (never sent there, recalled, or forgotten)"));
    }

    /**
     * Adds ({@code add}) or takes back the account's reaction with an emoji on a stored message.
     *
     * @return how many now react with that emoji, or empty when nothing changed
     */
    public OptionalInt react(int messageId, String emojiId, boolean add) {
        message(messageId);
        try {
            return store.react(messageId, emojiId, selfId(), add);
        } catch (IllegalArgumentException forgottenMeanwhile) {
            throw notFound(messageId);
        }
    }

    /** Stores a merged forward and returns its {@code res_id}. */
    public String storeForward(Forwarded forward) {
        return forwards.put(forward);
    }

    /** A stored merged forward, or a failure. */
    public Forwarded forward(String resId) {
        return forwards.get(resId).orElseThrow(() -> new ActionFailedException("forward '" + resId
                + "' does not exist (never sent, or forgotten)"));
    }

    /** Marks a group message as essence; false when it already is one. */
    public boolean markEssence(Essence essence) {
        return essences.add(essence);
    }

    /** The essence mark of a message, if it has one. */
    public Optional<Essence> essence(int messageId) {
        return essences.get(messageId);
    }

    /** Unmarks an essence message, returning it if it was marked. */
    public Optional<Essence> unmarkEssence(int messageId) {
        return essences.remove(messageId);
    }

    /** A group's essence messages, oldest mark first. */
    public List<Essence> essences(long groupId) {
        return essences.of(groupId);
    }

    /** A group member as the sender of a group message. */
    static Sender sender(Member member) {
        Person person = member.person();
        return Sender.member(person.userId(), person.nickname(), person.sex(), person.age(), member.card(),
                member.role(), member.level(), member.title());
    }

    /** Stores a message given an id by {@link #nextMessageId()} and emits it. */
    int record(MessageEvent message) {
        store.put(message);
        media.add(message.message());
        events.fire(message);
        return message.messageId();
    }

    /**
     * Where an image seen in a message can be had: its URL, or the {@code file} value its segment
     * carried; the sandbox downloads nothing.
     */
    public String image(String file) {
        return media.image(file).map(MediaIndex.Media::location).orElseThrow(() -> new ActionFailedException("image '"
                + file + "' was not seen in any message the sandbox remembers"));
    }

    /** Where a voice record seen in a message can be had, like {@link #image}. */
    public String voiceRecord(String file) {
        return media.record(file).map(MediaIndex.Media::location).orElseThrow(() -> new ActionFailedException("record '"
                + file + "' was not seen in any message the sandbox remembers"));
    }

    /** A fresh message id, for messages built outside the core (such as forward nodes). */
    public int nextMessageId() {
        return store.nextId();
    }

    /**
     * Emits a notice: {@code time}, {@code self_id}, {@code post_type} and {@code notice_type}
     * first, then the given fields.
     */
    public GenericEvent notice(String noticeType, JsonObjectBuilder fields) {
        GenericEvent notice = new GenericEvent(Jsonp.createObjectBuilder()
                .add("time", now())
                .add("self_id", selfId())
                .add("post_type", "notice")
                .add("notice_type", noticeType)
                .addAll(fields)
                .build());
        events.fire(notice);
        return notice;
    }

    /**
     * Emits the {@code notify}/{@code poke} notice of {@code userId} poking {@code targetId}. A
     * group poke carries {@code group_id}; a friend poke has no {@code group_id} key at all
     * (clients such as node-napcat-ts tell the two apart by that key) and adds NapCat's
     * {@code sender_id}, the poker.
     *
     * @param groupId the group, or null for a poke between friends
     */
    public GenericEvent poke(Long groupId, long userId, long targetId) {
        JsonObjectBuilder fields = Jsonp.createObjectBuilder().add("sub_type", "poke");
        if (groupId != null) {
            fields.add("group_id", groupId);
        }
        fields.add("user_id", userId);
        if (groupId == null) {
            fields.add("sender_id", userId);
        }
        return notice("notify", fields.add("target_id", targetId));
    }

    /** Puts the world back to its starting state and forgets every message, forward and essence mark. */
    public void reset() {
        world.reset();
        freshStores();
    }

    private void freshStores() {
        int capacity = settings.sandbox().messageCapacity();
        store = new MessageStore(capacity);
        forwards = new ForwardStore(capacity);
        essences = new Essences(capacity);
        media = new MediaIndex(capacity);
    }

    /** Emits an event that is not a message. */
    void emit(OneBotEvent event) {
        events.fire(event);
    }

    private static ActionFailedException notFound(int messageId) {
        return new ActionFailedException("message " + messageId + " does not exist (never sent, recalled, or forgotten)");
    }
}
