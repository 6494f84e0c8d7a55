-- wrk script: GET the url, as a guest or, with BENCH_AS_USER=1, with data.lua's user token.
dofile(os.getenv("BENCH_DATA"))
dofile("bench/records/answers.lua")
local auth = os.getenv("BENCH_AS_USER") == "1" and user_token or ""

function init(args)
  if auth ~= "" then wrk.headers["Authorization"] = auth end
end
