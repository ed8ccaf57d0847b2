/**
 * Runs API calls: the registry of the active core's actions (built once), parameter binding
 * onto typed records, and the dispatcher, the one place where a request becomes exactly one
 * response and where exceptions become return codes. Depends on {@code protocol}, {@code codec}
 * and the {@code core} SPI; never on {@code event} or {@code network}.
 */
package io.onebot.gateway.action;
