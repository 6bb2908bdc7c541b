# Shared by run.sh and test.sh: finding or installing what Centrale needs to build.
# shellcheck shell=bash

CENTRALE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian 12 packages: to build and run the application.
CENTRALE_DEBIAN_PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-svg-dev libqt6sql6-sqlite libgl-dev qt6-multimedia-dev
    libphonenumber-dev libical-dev
    libsndfile1-dev libsoxr-dev libebur128-dev
    libcsv-dev libsodium-dev libosip2-dev libre-dev libturbojpeg0-dev libexif-dev
    qt6-httpserver-dev qt6-websockets-dev libqt6sql6-psql qtkeychain-qt6-dev
    libcurl4-openssl-dev
)
# And to run the test suites.
CENTRALE_DEBIAN_TEST_PACKAGES=(
    xauth sip-tester postgresql openssl dbus gnome-keyring python3-aiosmtpd
)
# And to fuzz (scripts/fuzz.sh): clang with libFuzzer. Not installed by default.
CENTRALE_DEBIAN_FUZZ_PACKAGES=(
    clang libclang-rt-14-dev
)

say() { printf '%s\n' "$*" >&2; }

print_requirements() {
    say "Centrale needs: a C++20 compiler, CMake 3.21+, Ninja (or make), pkg-config,"
    say "Qt 6.4+ (Core, Gui, Widgets, Sql with the SQLite and PostgreSQL drivers, Network, HttpServer, Svg, Multimedia,"
    say "Concurrent, Test, Linguist tools), QtKeychain, libphonenumber, libical, libsndfile, libsoxr, libebur128, libcsv, libsodium, libosip2, libre (baresip's SIP/RTP library), libcurl, libjpeg-turbo and libexif;"
    say "the tests also run sipp (a SIP test tool) as a phone, a throw-away PostgreSQL server, a private D-Bus session with gnome-keyring as the keychain,"
    say "and Python's aiosmtpd (/usr/bin/python3) as the SMTP server that receives the e-mail."
    say "  Debian/Ubuntu: apt-get install ${CENTRALE_DEBIAN_PACKAGES[*]}"
    say "  Tests, Debian/Ubuntu: apt-get install ${CENTRALE_DEBIAN_TEST_PACKAGES[*]}"
    say "  Fuzzing (scripts/fuzz.sh), Debian/Ubuntu: apt-get install ${CENTRALE_DEBIAN_FUZZ_PACKAGES[*]}"
    say "  Fedora:        dnf install gcc-c++ cmake ninja-build qt6-qtbase-devel qt6-qttools-devel qt6-qtsvg-devel qt6-qtmultimedia-devel qt6-qthttpserver-devel qt6-qtbase-postgresql qtkeychain-qt6-devel libphonenumber-devel libical-devel libsndfile-devel soxr-devel libebur128-devel libcsv-devel libsodium-devel libosip2-devel libre-devel libcurl-devel turbojpeg-devel libexif-devel sipp postgresql-server python3-aiosmtpd"
    say "  macOS:         brew install cmake ninja qt qtkeychain libphonenumber libical libsndfile libsoxr libebur128 libsodium libosip libre curl jpeg-turbo libexif pkg-config sipp postgresql@15 (and pip install aiosmtpd)"
    say "  Windows:       vcpkg install qtbase qttools qtsvg qtmultimedia qthttpserver qtkeychain-qt6 libphonenumber libical libsndfile soxr libebur128 libsodium libosip2 curl libjpeg-turbo libexif"
}

# Installs the missing Debian packages given as arguments, or says what to install elsewhere.
ensure_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        say "This is not a Debian-like system: packages are not installed automatically."
        print_requirements
        return 0
    fi
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
            say "Run as root, or install these packages first: ${missing[*]}"; return 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq || { say "apt-get update failed"; return 1; }
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
        say "apt-get could not install: ${missing[*]}"; print_requirements; return 1; }
}

# configure_and_build <build dir> <cmake args...>
configure_and_build() {
    local dir=$1; shift
    local generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        cmake -S "$CENTRALE_ROOT" -B "$dir" "${generator[@]}" "$@" || { print_requirements; return 1; }
    else
        cmake "$dir" "$@" >/dev/null || return 1
    fi
    cmake --build "$dir" --parallel "${CENTRALE_JOBS:-2}"
}
