-- Keycloak beside call 4.1: a client-credentials grant of the confidential client (HTTP Basic).
-- An answer of 200 without an access token counts as an error.
bench_threads = {}

function setup(thread)
  table.insert(bench_threads, thread)
end

function init(args)
  bad = 0
  wrk.method = "POST"
  wrk.path = os.getenv("BENCH_KC_PATH") .. "token"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = os.getenv("BENCH_KC_AUTHORIZATION")
  wrk.body = "grant_type=client_credentials"
end

function response(status, headers, body)
  if status == 200 and not body:find('"access_token":"', 1, true) then
    bad = bad + 1
  end
end

dofile(os.getenv("BENCH_REPORT_LUA"))
