-- Call 4.2 with a fresh, pre-minted OT token per request. Tokens come one per line from the file
-- named in the environment (BENCH_TOKENS); thread i of n takes lines i, i+n, i+2n, ...
dofile(os.getenv("BENCH_REPORT_LUA"))
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  path = "/oauth2/onetime/authorize?crmApiToken=" .. os.getenv("BENCH_CRM_API_TOKEN")
  tokens = bench_tokens(tonumber(os.getenv("BENCH_THREADS")), id)
  next_token = 1
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local token = tokens[next_token]
  if token == nil then
    token = "ot_exhausted_" .. next_token -- would be 417: counted as an error, never silently reused
  end
  next_token = next_token + 1
  return wrk.format("POST", path, nil, '{"code":"' .. token .. '"}')
end
