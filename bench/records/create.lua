-- wrk script: each request creates a post (random title, description, public, type and author
-- from data.lua).
dofile(os.getenv("BENCH_DATA"))
dofile("bench/records/answers.lua")
local words = { "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do",
  "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua" }
local types = { "a", "b", "c", "d" }

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

local function sentence(n)
  local out = {}
  for i = 1, n do out[i] = words[math.random(#words)] end
  return table.concat(out, " ")
end

function request()
  local picked = {}
  for i = 1, math.random(0, 3) do picked[#picked + 1] = '"' .. types[i] .. '"' end
  local body = string.format(
    '{"title":"%s","description":"<p>%s</p><p>%s</p>","public":%s,"type":[%s],"author":"%s"}',
    sentence(4), sentence(40), sentence(30), math.random(2) == 1 and "true" or "false",
    table.concat(picked, ","), authors[math.random(#authors)])
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
