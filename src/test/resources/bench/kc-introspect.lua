-- Keycloak beside call 4.3: token introspection with client authentication (HTTP Basic), round
-- robin over access tokens of user sessions obtained before the run (BENCH_TOKENS, one a line).
-- Introspection answers 200 even for a dead token: an answer without "active":true is an error.
bench_threads = {}

function setup(thread)
  table.insert(bench_threads, thread)
end

function init(args)
  bad = 0
  path = os.getenv("BENCH_KC_PATH") .. "token/introspect"
  tokens = {}
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    tokens[#tokens + 1] = line
  end
  next_token = math.random(#tokens)
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = os.getenv("BENCH_KC_AUTHORIZATION")
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("POST", path, nil, "token=" .. tokens[next_token])
end

function response(status, headers, body)
  if status == 200 and not body:find('"active":true', 1, true) then
    bad = bad + 1
  end
end

dofile(os.getenv("BENCH_REPORT_LUA"))
