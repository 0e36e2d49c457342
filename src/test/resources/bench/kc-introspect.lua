-- Keycloak beside call 4.3: token introspection with client authentication (HTTP Basic), round
-- robin over access tokens of user sessions obtained before the run (BENCH_TOKENS, one a line).
-- Introspection answers 200 even for a dead token: an answer without "active":true is an error.
dofile(os.getenv("BENCH_REPORT_LUA"))

function init(args)
  path = os.getenv("BENCH_KC_PATH") .. "token/introspect"
  tokens = bench_tokens()
  next_token = math.random(#tokens)
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = os.getenv("BENCH_KC_AUTHORIZATION")
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("POST", path, nil, "token=" .. tokens[next_token])
end

bench_expect('"active":true')
