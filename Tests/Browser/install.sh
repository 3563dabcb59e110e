#!/usr/bin/env bash
# Installs what the browser suite needs, when missing: Debian's chromium,
# chromium-driver and the Noto CJK fonts (so Korean screenshots show text),
# Python selenium, and the newest axe-core obtainable from the registries we
# can reach (PyPI packages that bundle axe.min.js).
# Idempotent and quiet. Prints the path of the chosen axe.min.js on its last line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
vendor="${BROWSER_VENDOR_DIR:-$root/.build/browser-vendor}"
mkdir -p "$vendor"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Chromium and its driver, from Debian.
if ! command -v chromium >/dev/null 2>&1 || [ ! -x /usr/bin/chromedriver ]; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq >/dev/null
    as_root apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

# 1b. CJK fonts, so Korean pages render as text rather than boxes in screenshots.
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq >/dev/null
    as_root apt-get install -y -qq --no-install-recommends fonts-noto-cjk fontconfig >/dev/null
fi

# 2. Selenium, from PyPI.
if ! python3 -c 'import selenium' >/dev/null 2>&1; then
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore selenium >/dev/null
fi

# 3. axe-core: download the candidate wheels (no dependencies), take the bundled
#    axe.min.js with the highest version from its header comment.
axe="$vendor/axe.min.js"
if [ ! -s "$axe" ]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    for candidate in axe-playwright-python axe-selenium-python axe-core-python; do
        python3 -m pip download --quiet --disable-pip-version-check --no-deps \
            --dest "$work/$candidate" "$candidate" >/dev/null 2>&1 || true
    done
    python3 - "$work" "$axe" <<'PY'
import pathlib, re, sys, tarfile, zipfile
work, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
found = []  # (version tuple, version text, origin, bytes)
def consider(name, data, origin):
    if not name.endswith("axe.min.js"):
        return
    head = data[:600].decode("utf-8", "replace")
    m = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", head, re.I)
    if m:
        found.append((tuple(int(g) for g in m.groups()), ".".join(m.groups()), origin, data))
for archive in work.rglob("*"):
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as z:
            for n in z.namelist():
                consider(n, z.read(n), archive.name)
    elif archive.name.endswith(".tar.gz"):
        with tarfile.open(archive) as t:
            for m in t.getmembers():
                if m.isfile() and m.name.endswith("axe.min.js"):
                    f = t.extractfile(m)
                    if f: consider(m.name, f.read(), archive.name)
if not found:
    sys.exit("install.sh: no axe.min.js found in any candidate package")
found.sort(key=lambda f: f[0], reverse=True)
for f in found:
    print(f"install.sh: axe-core {f[1]} in {f[2]}", file=sys.stderr)
best = found[0]
out.write_bytes(best[3])
(out.parent / "axe.version").write_text(f"{best[1]} {best[2]}\n")
PY
fi
echo "axe-core $(cut -d' ' -f1 "$vendor/axe.version") from $(cut -d' ' -f2 "$vendor/axe.version")" >&2
echo "$axe"
