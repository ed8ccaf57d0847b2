package io.onebot.gateway.network.auth;

import static io.onebot.gateway.network.auth.Verdict.ACCEPTED;
import static io.onebot.gateway.network.auth.Verdict.MISSING;
import static io.onebot.gateway.network.auth.Verdict.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins down the access-token truth table: which header and query combinations are accepted, missing or wrong. */
class AccessTokensTest {

    /** expected token, Authorization header (or null), access_token query values, verdict. */
    private static Arguments row(String expected, String header, List<String> query, Verdict verdict) {
        return arguments(expected, header, query, verdict);
    }

    private static List<String> query(String... values) {
        return Arrays.asList(values);
    }

    static Stream<Arguments> noTokenConfigured() {
        return Stream.of(
                row("", null, query(), ACCEPTED),
                row("", "Bearer anything", query(), ACCEPTED),
                row("", "Bearer ", query(), ACCEPTED),
                row("", "Basic dXNlcjpwYXNz", query(), ACCEPTED),
                row("", null, query(""), ACCEPTED),
                row("", null, query("whatever"), ACCEPTED),
                row(null, "Bearer x", query("y"), ACCEPTED));
    }

    static Stream<Arguments> tokenConfigured() {
        return Stream.of(
                // header schemes
                row("t", "Bearer t", query(), ACCEPTED),
                row("t", "bearer t", query(), ACCEPTED),
                row("t", "BEARER t", query(), ACCEPTED),
                row("t", "Token t", query(), ACCEPTED),
                row("t", "  Bearer   t  ", query(), ACCEPTED),
                row("t", "t", query(), MISSING),
                row("t", "Basic t", query(), MISSING),
                row("t", "Bearer ", query(), MISSING),
                row("t", "Bearer", query(), MISSING),
                row("t", "", query(), MISSING),
                // query parameter
                row("t", null, query("t"), ACCEPTED),
                row("t", null, query(""), MISSING),
                row("t", null, query((String) null), MISSING),
                row("t", null, query(), MISSING),
                row("t", null, query("x"), WRONG),
                row("t", null, query("x", "t"), ACCEPTED),
                row("t", null, query("", "x"), WRONG),
                // header and query together: either matching is enough
                row("t", "Bearer x", query(), WRONG),
                row("t", "Bearer t", query("x"), ACCEPTED),
                row("t", "Bearer x", query("t"), ACCEPTED),
                row("t", "Bearer x", query("y"), WRONG),
                row("t", "Basic t", query("x"), WRONG),
                row("t", "t", query("t"), ACCEPTED),
                // multi-byte tokens and lengths
                row("令牌🔑", "Bearer 令牌🔑", query(), ACCEPTED),
                row("令牌🔑", null, query("令牌🔑"), ACCEPTED),
                row("令牌🔑", "Bearer 令牌", query(), WRONG),
                row("t", "Bearer tt", query(), WRONG),
                row("a-much-longer-token-value", "Bearer a", query(), WRONG),
                row("a-much-longer-token-value", null, query("a-much-longer-token-valuE"), WRONG));
    }

    @ParameterizedTest(name = "expected={0}, header={1}, query={2} -> {3}")
    @MethodSource("noTokenConfigured")
    void withoutConfiguredTokenEveryClientIsAccepted(String expected, String header, List<String> query, Verdict verdict) {
        assertEquals(verdict, AccessTokens.verify(expected, header, query));
    }

    @ParameterizedTest(name = "expected={0}, header={1}, query={2} -> {3}")
    @MethodSource("tokenConfigured")
    void withConfiguredTokenTheVerdictFollowsTheTruthTable(String expected, String header, List<String> query, Verdict verdict) {
        assertEquals(verdict, AccessTokens.verify(expected, header, query));
    }

    static Stream<Arguments> severalTokens() {
        return Stream.of(
                arguments(List.of(), "Bearer x", ACCEPTED),
                arguments(List.of("", ""), null, ACCEPTED),
                arguments(List.of("a", "b"), "Bearer a", ACCEPTED),
                arguments(List.of("a", "b"), "Bearer b", ACCEPTED),
                arguments(List.of("", "b"), "Token b", ACCEPTED),
                arguments(List.of("a", "b"), "Bearer c", WRONG),
                arguments(List.of("a", "b"), "Bearer ab", WRONG),
                arguments(List.of("a", "b"), null, MISSING),
                arguments(List.of("a", ""), "Basic a", MISSING));
    }

    @ParameterizedTest(name = "expected any of {0}, header={1} -> {2}")
    @MethodSource("severalTokens")
    void anyOneOfSeveralTokensOpens(List<String> expected, String header, Verdict verdict) {
        assertEquals(verdict, AccessTokens.verifyAny(expected, header, List.of()));
    }
}
