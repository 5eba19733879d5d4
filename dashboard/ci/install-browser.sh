#!/usr/bin/env bash
# Installs what the dashboard's browser test drives and what its GoAccess comparison reads: Debian's Chromium,
# its matching chromedriver, and GoAccess. Idempotent: does nothing when they are there, and refreshes the
# package lists only when an install from the current ones fails.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
command -v goaccess >/dev/null 2>&1 || packages+=(goaccess)
if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null
fi
echo "installed: ${packages[*]}"
