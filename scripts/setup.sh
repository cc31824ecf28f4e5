#!/usr/bin/env bash
# Idempotent machine set-up for Garter's build and tests (Debian 12, run as root).
# Installs only what is missing and prints nothing when everything is present.
#
#   bash scripts/setup.sh
#
# Needs: CPython 3.11's standard library and its test suite (the front end is
# compared against every .py file in /usr/lib/python3.11), zlib and OpenSSL
# headers (the `zlib` and `_hashlib` modules link them), and the
# PyPI package hypothesmith (with hypothesis and libcst) for tests/hypothesis_parser.py.
set -euo pipefail

APT_PACKAGES=(libpython3.11-stdlib libpython3.11-testsuite zlib1g-dev libssl-dev)
HYPOTHESMITH_VERSION=0.3.3

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [ "$status" != "install ok installed" ]; then
        missing+=("$pkg")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! python3 -c 'import hypothesmith' 2>/dev/null; then
    echo "setup: installing hypothesmith==$HYPOTHESMITH_VERSION"
    PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1 \
        python3 -m pip install --quiet "hypothesmith==$HYPOTHESMITH_VERSION"
fi
