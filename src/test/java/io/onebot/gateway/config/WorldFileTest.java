package io.onebot.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code onebot.sandbox.world}: the example file, the built-in default, and bad files refused at startup. */
class WorldFileTest {

    private static final Path EXAMPLE = Path.of("server-config", "sandbox-world.json5");

    @TempDir
    Path dir;

    private GatewaySettings read(Path file) {
        return SettingsReader.read(Map.of(SettingsReader.WORLD_FILE, file.toString()));
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("world.json5"), content);
    }

    @Test
    void theExampleFileIsTheBuiltInWorld() {
        SandboxSettings sandbox = read(EXAMPLE).sandbox();
        assertEquals(WorldDefinition.standard(10001, "OneBot Sandbox"), sandbox.world());
        assertEquals(EXAMPLE, sandbox.worldFile().orElseThrow());
    }

    @Test
    void withoutAFileTheBuiltInWorldUsesTheSettings() {
        SandboxSettings sandbox = SettingsReader.read(Map.of("onebot.sandbox.selfId", "555", "onebot.sandbox.nickname", "Bot"))
                .sandbox();
        assertTrue(sandbox.worldFile().isEmpty());
        assertEquals(new WorldDefinition.Person(555, "Bot", "unknown", 0), sandbox.world().self());
        assertTrue(sandbox.world().groups().stream().allMatch(g -> g.members().stream().anyMatch(m -> m.userId() == 555)));
    }

    @Test
    void aSmallFileWithRequestsIsRead() throws IOException {
        Path file = write("""
                {
                  self: {user_id: 10001},
                  strangers: [{user_id: 7, nickname: 'Seven'}, {user_id: 8, nickname: 'Eight'}],
                  groups: [{group_id: 1, group_name: 'G', whole_ban: true,
                            members: [{user_id: 10001, role: 'owner'}, {user_id: 7, shut_up_until: 2000000000}]}],
                  friend_requests: [{flag: 'f', user_id: 8, comment: 'hi'}],
                  group_requests: [{flag: 'g', sub_type: 'add', group_id: 1, user_id: 8},
                                   {flag: 'i', sub_type: 'invite', group_id: 2, group_name: 'Other', user_id: 7}],
                }
                """);
        WorldDefinition world = read(file).sandbox().world();
        assertEquals("OneBot Sandbox", world.self().nickname());
        WorldDefinition.Group group = world.groups().get(0);
        assertTrue(group.wholeBan());
        assertEquals(new WorldDefinition.Member(7, "member", "", "", 0, "1", 2_000_000_000L), group.members().get(1));
        assertEquals(List.of(new WorldDefinition.FriendRequest("f", 8, "hi")), world.friendRequests());
        assertEquals(new WorldDefinition.GroupRequest("g", "add", 1, "G", 8, ""), world.groupRequests().get(0));
        assertEquals("Other", world.groupRequests().get(1).groupName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{groups: [{group_id: 1, group_name: 'G', members: [{user_id: 10001, role: 'boss'}]}]}"
                    + " | groups[0].members[0].role: 'boss' is not one of [owner, admin, member]",
            "{groups: [{group_id: 1, group_name: 'G', members: [{user_id: 10001, role: 'admin'}]}]}"
                    + " | groups[0].members: a group has exactly one owner, not 0",
            "{groups: [{group_id: 1, group_name: 'G', members: [{user_id: 10001, role: 'owner'}, {user_id: 5}]}]}"
                    + " | groups[0].members[1].user_id: 5 is not defined; add them to friends or strangers",
            "{self: {user_id: 42}} | self.user_id: 42 is not the account's number 10001",
            "{friends: [{user_id: 2, nickname: 'A'}], strangers: [{user_id: 2, nickname: 'B'}]}"
                    + " | strangers[0].user_id: 2 is already defined at friends[0]",
            "{friends: [{user_id: 2}]} | friends[0].nickname: is required",
            "{friends: [{user_id: 'two', nickname: 'A'}]} | friends[0].user_id: \"two\" is not a whole number",
            "{freinds: []} | freinds: unknown field",
            "{friend_requests: [{flag: 'x', user_id: 99}]} | friend_requests[0].user_id: 99 is not defined",
            "{group_requests: [{flag: 'x', sub_type: 'join', group_id: 1, user_id: 10001}]} | group_requests[0].sub_type: 'join' is not add or invite",
            "[] | must hold a JSON object",
            "{self: {user_id: 10001,}\\n, groups: [}} | line 2, column"})
    void aBadFileIsAConfigurationErrorNamingTheFileAndThePlace(String content, String expected) throws IOException {
        Path file = write(content.replace("\\n", "\n"));
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> read(file));
        String prefix = SettingsReader.WORLD_FILE + " (" + file + "): ";
        assertTrue(error.problems().stream().anyMatch(p -> p.startsWith(prefix + expected.strip())), error.getMessage());
    }

    @Test
    void aMissingFileIsAConfigurationError() {
        Path missing = dir.resolve("nope.json5");
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> read(missing));
        assertTrue(error.problems().get(0).startsWith(SettingsReader.WORLD_FILE + " (" + missing + "): cannot be read"),
                error.getMessage());
    }
}
