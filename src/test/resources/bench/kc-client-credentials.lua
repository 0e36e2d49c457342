-- Keycloak beside call 4.1: a client-credentials grant of the confidential client (HTTP Basic).
-- An answer of 200 without an access token counts as an error.
dofile(os.getenv("BENCH_REPORT_LUA"))

wrk.method = "POST"
wrk.path = os.getenv("BENCH_KC_PATH") .. "token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_KC_AUTHORIZATION")
wrk.body = "grant_type=client_credentials"
bench_expect('"access_token":"')
