-- Call 4.3 with access tokens obtained before the run, round robin (4.3 is repeatable).
dofile(os.getenv("BENCH_REPORT_LUA"))

function init(args)
  path = "/oauth2/authorize?crmApiToken=" .. os.getenv("BENCH_CRM_API_TOKEN")
  tokens = bench_tokens()
  next_token = math.random(#tokens)
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("POST", path, nil, '{"accessToken":"' .. tokens[next_token] .. '"}')
end
