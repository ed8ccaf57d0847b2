package io.onebot.gateway.core.sandbox.action;

/**
 * The sandbox account's web login: cookies and the CSRF token derived from them. The values are
 * made up but stable for an account and shaped like QQ's, so that code which parses them works.
 */
final class WebLogin {

    private WebLogin() {
    }

    /** The {@code skey} cookie: "@" and nine characters derived from the account. */
    static String skey(long selfId) {
        String digits = Long.toString(Math.abs((selfId * 2_654_435_761L) % 1_000_000_000L), 36);
        return "@" + ("sandbox00" + digits).substring(digits.length());
    }

    /** The {@code Cookie} header value for a domain (empty for the account's general cookies). */
    static String cookies(long selfId, String domain) {
        String cookies = "uin=o" + selfId + "; skey=" + skey(selfId);
        if (!domain.isBlank()) {
            String pskey = Integer.toHexString((domain.strip() + selfId).hashCode());
            cookies += "; p_uin=o" + selfId + "; p_skey=" + pskey;
        }
        return cookies;
    }

    /** QQ's {@code bkn}: a 5381-seeded shift-and-add hash of the skey, kept to 31 bits. */
    static int csrfToken(long selfId) {
        int hash = 5381;
        for (char c : skey(selfId).toCharArray()) {
            hash += (hash << 5) + c;
        }
        return hash & 0x7fffffff;
    }
}
