/**
 * The composition root: chooses the bot core from configuration, provides the clock, and checks
 * the configuration when the application starts so that a bad value fails the deployment.
 * May depend on anything; nothing depends on it.
 */
package io.onebot.gateway.bootstrap;
