#!/usr/bin/env bash
# Property-based fuzzing of the JSON API against the live example server, from the OpenAPI
# document it serves: schemathesis (pip install schemathesis) generates requests for every
# operation and fails on any 5xx, any status or content type the document does not list, and
# any body that breaks the documented schema.
#
#   Tests/API/fuzz.sh [PATH/TO/PartnerPortal]     # default: the debug build
#   API_FUZZ_EXAMPLES=50 Tests/API/fuzz.sh        # more examples per operation (default 15)
set -euo pipefail
cd "$(dirname "$0")/../.."

portal="${1:-$(swift build --show-bin-path)/PartnerPortal}"
examples="${API_FUZZ_EXAMPLES:-15}"
seed="${API_FUZZ_SEED:-20261207}"
if ! command -v schemathesis >/dev/null 2>&1; then
    python3 -m pip install --quiet schemathesis
    command -v pyenv >/dev/null 2>&1 && pyenv rehash || true
fi

log="$(mktemp)"
"$portal" serve --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
    grep -q "^API token (pat" "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log"; echo "fuzz.sh: the server stopped" >&2; exit 1; }
    sleep 0.2
done
base="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)"
token="$(grep '^API token (pat' "$log" | awk '{print $NF}')"
if [ -z "$base" ] || [ -z "$token" ]; then cat "$log"; echo "fuzz.sh: no server URL or token" >&2; exit 1; fi
# The document itself must be a valid OpenAPI 3.1 document (openapi-spec-validator, which
# schemathesis installs).
curl -sf "$base/partners/api/v1/openapi.json" | python3 -c '
import json, sys
from openapi_spec_validator import validate
validate(json.load(sys.stdin))
print("openapi.json: a valid OpenAPI 3.1 document")
'
echo "fuzzing $base/partners/api/v1 as pat ($examples examples per operation, seed $seed)"

schemathesis --config-file Tests/API/schemathesis.toml run "$base/partners/api/v1/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "$examples" --seed "$seed" --workers 1 --request-timeout 10 \
    --generation-deterministic
