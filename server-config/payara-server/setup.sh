#!/bin/sh
# Sets the gateway up on a running Payara Server (domain1 or the one asadmin talks to):
# every onebot.* setting of the given file as a system property, the HTTP listener(s) on the
# server entries' host and port, and the WAR deployed at /.
#
#   server-config/payara-server/setup.sh [settings.properties]
#
# Run it from the project directory; the settings default to server-config/onebot.properties.
# asadmin is taken from PATH, or from $ASADMIN (e.g. ASADMIN=/opt/payara6/bin/asadmin).
# Run it once: create-system-properties adds; later changes belong in the admin console
# (Configurations > server-config > System Properties) and apply without a redeploy.
set -eu
settings=${1:-server-config/onebot.properties}
mvn -q -B -Ppayara-server package -Donebot.properties="$settings"
"${ASADMIN:-asadmin}" multimode --file target/payara-server/onebot.asadmin
