-- Call 4.1 with the sandbox's demo password.
dofile(os.getenv("BENCH_REPORT_LUA"))

wrk.method = "POST"
wrk.path = "/oauth2/crmApiToken"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"password":"sandbox-crm-api-password"}'
