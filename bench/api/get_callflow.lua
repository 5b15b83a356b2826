-- GET of one callflow, over and over. Environment: SB_CALLFLOW (its id), plus common.lua's.
local common = dofile((os.getenv("SB_BENCH_DIR") or ".") .. "/common.lua")

wrk.method = "GET"
wrk.path = "/v2/accounts/" .. common.account .. "/callflows/" .. (os.getenv("SB_CALLFLOW") or error("SB_CALLFLOW is not set"))
wrk.headers = common.headers()

setup = common.setup
done = common.done
