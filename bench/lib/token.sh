# Sourced by the bench scripts: a bearer token for CueGate and a wrk script that posts with it.
#   bench_token SECRET        -> exports TOKEN, an HS256 JWT signed with SECRET, valid for 10 h
#   bench_wrk_script FILE     -> writes a wrk Lua script to FILE: POST {} with TOKEN's header

bench_b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

bench_token() {
  local header claims signature
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | bench_b64)
  claims=$(printf '{"sub":"bench","exp":%d}' $(( $(date +%s) + 36000 )) | bench_b64)
  signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -hmac "$1" -binary | bench_b64)
  export TOKEN="$header.$claims.$signature"
}

bench_wrk_script() {
  printf 'wrk.method="POST"\nwrk.body="{}"\nwrk.headers["Content-Type"]="application/json"\nwrk.headers["Authorization"]="Bearer "..os.getenv("TOKEN")\n' >"$1"
}
