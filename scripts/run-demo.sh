#!/usr/bin/env bash
# README command 1: on a fresh Debian 12 machine, install what is needed, build, start the
# bundled server-stub with a demo user as a CQRS User Administrator would set one up, and open
# the app on that user's registration link. Without a display it runs under a virtual one.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --parallel "$(nproc)" --target cqrs-desktop cqrs-server-stub

stub=build/release/server-stub/cqrs-server-stub
app=build/release/app/cqrs-desktop
demo=build/demo
rm -rf "$demo"
mkdir -p "$demo"

# A fresh random admin key each run, in a file only this user can read, so it never appears in
# a process listing.
admin_key_file="$demo/admin-key"
(umask 077 && head -c 24 /dev/urandom | base64 | tr '+/' '-_' >"$admin_key_file")
admin_key=$(cat "$admin_key_file")

# A free port, so the demo never collides with anything already listening.
"$stub" serve --db "$demo/cqrs.db" --outbox "$demo/outbox" --listen 127.0.0.1:0 \
    --admin-key-file "$admin_key_file" --dev --idp >"$demo/server.log" 2>&1 &
stub_pid=$!
trap 'kill "$stub_pid" 2>/dev/null || true' EXIT

url=
for _ in $(seq 100); do
    url=$(sed -n 's/^listening on //p' "$demo/server.log" | head -n 1)
    [ -n "$url" ] && break
    kill -0 "$stub_pid" 2>/dev/null || { cat "$demo/server.log"; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "The server-stub did not start; see $demo/server.log"; exit 1; }

"$stub" demo --db "$demo/cqrs.db" --outbox "$demo/outbox" --public-url "$url" | tee "$demo/demo.txt"
link=$(grep -m 1 '^cqrs://register?token=' "$demo/demo.txt")
nhsmail_password=Demo-NHSmail-2026
"$stub" idp add-account --db "$demo/cqrs.db" --outbox "$demo/outbox" \
    --email demo.user@nhs.net --name "Demo User" --password "$nhsmail_password"

# The demo's own settings folder, so it never changes the person's real CQRS Desktop settings:
# it turns on "Sign in with NHSmail" against the stub's stand-in provider.
export XDG_CONFIG_HOME="$PWD/$demo/config"
mkdir -p "$XDG_CONFIG_HOME/NHS"
cat >"$XDG_CONFIG_HOME/NHS/CQRS Desktop.conf" <<CONF
[General]
SsoEnabled=true
SsoIssuer=$url/idp
SsoClientId=cqrs-desktop
CONF

cat <<MSG

The server-stub is running at $url (log: $demo/server.log, emails: $demo/outbox).
The app now opens the demo user's registration link: choose a password that meets the
Password Policy, then sign in as demo.user, or press "Sign in with NHSmail" and sign in at the
stand-in NHSmail page as demo.user@nhs.net with the password $nhsmail_password.
Close the app to stop the server-stub. Admin key for the stub's admin API (also in
$admin_key_file): $admin_key

MSG

run=("$app" --server "$url" -- "$link")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: running under Xvfb, so the window is not visible. Set DISPLAY to see it."
    run=(xvfb-run -a "${run[@]}")
fi
"${run[@]}"
