-- Call 4.3 with access tokens obtained before the run, round robin (4.3 is repeatable).
function init(args)
  path = "/oauth2/authorize?crmApiToken=" .. os.getenv("BENCH_CRM_API_TOKEN")
  tokens = {}
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    tokens[#tokens + 1] = line
  end
  next_token = math.random(#tokens)
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("POST", path, nil, '{"accessToken":"' .. tokens[next_token] .. '"}')
end

dofile(os.getenv("BENCH_REPORT_LUA"))
