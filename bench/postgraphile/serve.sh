#!/usr/bin/env bash
# Serve PostGraphile 5 over a BatchTrack database: see serve.py.
#   bench/postgraphile/serve.sh postgres://postgres@127.0.0.1:5432/bt_pgl 5678
exec python3 "$(dirname "${BASH_SOURCE[0]}")/serve.py" "$@"
