-- Keycloak beside call 4.2: single-use refresh-token rotation (the realm revokes a refresh token
-- once used). Each thread keeps a queue of refresh tokens, seeded from BENCH_TOKENS (one session
-- per connection; thread i of n takes lines i, i+n, ...): every request takes one token off the
-- queue and never puts it back, every answer puts its new refresh token on it. A connection sends
-- its next request only after its answer, so the queue is never empty while the answers are 200.
-- A refused refresh (400) is a non-2xx error; 200 without a refresh token counts as an error.
dofile(os.getenv("BENCH_REPORT_LUA"))
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(bench_threads, thread)
end

function init(args)
  path = os.getenv("BENCH_KC_PATH") .. "token"
  queue = bench_tokens(tonumber(os.getenv("BENCH_THREADS")), id)
  first = 1
  last = #queue
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = os.getenv("BENCH_KC_AUTHORIZATION")
end

function request()
  if id == 0 and not verified then
    -- wrk calls request() once on its first thread to check the request, before any connection
    -- opens; that request is never sent, so it must not take a token off the queue
    verified = true
    return wrk.format("POST", path, nil, "grant_type=refresh_token&refresh_token=unsent")
  end
  local token = "exhausted" -- refused (400): counted as an error, never a token used twice
  if first <= last then
    token = queue[first]
    queue[first] = nil
    first = first + 1
  end
  return wrk.format("POST", path, nil, "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
  if status == 200 then
    local token = body:match('"refresh_token":"([^"]+)"')
    if token then
      last = last + 1
      queue[last] = token
    else
      bad = bad + 1
    end
  end
end
