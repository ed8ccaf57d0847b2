package io.onebot.gateway.network.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * The access-token check, a pure function of the configured token and what the client presented.
 *
 * <p>A client may present its token as {@code Authorization: Bearer <t>} (or {@code Token <t>},
 * scheme in any case) or as a non-empty {@code ?access_token=<t>}; either matching is enough.
 * Comparison takes the same time whatever the tokens are (both sides are hashed first, so not
 * even the length leaks). With no token configured every client is accepted, whatever it sends.
 *
 * <p>This is the one place where a presented token is compared with a configured one: the
 * WebSocket handshake and the sandbox's HTTP routes both come here (the reverse side only sends
 * its token), and {@code ArchitectureTest} keeps it so.
 */
public final class AccessTokens {

    private AccessTokens() {
    }

    /**
     * @param expected      the configured token; empty means no authentication
     * @param authorization the {@code Authorization} header, or null
     * @param queryTokens   every {@code access_token} query value, possibly empty
     */
    public static Verdict verify(String expected, String authorization, List<String> queryTokens) {
        if (expected == null || expected.isEmpty()) {
            return Verdict.ACCEPTED;
        }
        byte[] expectedDigest = digest(expected);
        boolean presented = false;
        boolean matched = false;
        String fromHeader = fromAuthorization(authorization);
        if (fromHeader != null) {
            presented = true;
            matched = MessageDigest.isEqual(expectedDigest, digest(fromHeader));
        }
        for (String token : queryTokens) {
            if (token != null && !token.isEmpty()) {
                presented = true;
                matched |= MessageDigest.isEqual(expectedDigest, digest(token));
            }
        }
        return matched ? Verdict.ACCEPTED : presented ? Verdict.WRONG : Verdict.MISSING;
    }

    /**
     * Checks credentials that any one of several configured tokens opens, as the sandbox's routes
     * accept the token of every forward entry. Every token is compared, whichever matches, so the
     * time taken does not tell which one did. Empty tokens are ignored; with none left, every
     * client is accepted.
     */
    public static Verdict verifyAny(List<String> expected, String authorization, List<String> queryTokens) {
        boolean anyConfigured = false;
        boolean accepted = false;
        Verdict refusal = Verdict.MISSING;
        for (String token : expected) {
            if (token == null || token.isEmpty()) {
                continue;
            }
            anyConfigured = true;
            Verdict one = verify(token, authorization, queryTokens);
            accepted |= one == Verdict.ACCEPTED;
            refusal = one == Verdict.ACCEPTED ? refusal : one;
        }
        return !anyConfigured || accepted ? Verdict.ACCEPTED : refusal;
    }

    /** The credentials of a {@code Bearer} or {@code Token} header, or null when there are none. */
    static String fromAuthorization(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = value.substring(space + 1).strip();
        return (scheme.equals("bearer") || scheme.equals("token")) && !credentials.isEmpty() ? credentials : null;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
