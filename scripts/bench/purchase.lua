-- wrk script: each request registers one purchase for a random existing customer, with a fresh
-- idempotency key, exactly as the "Registrar compra" form posts it.
local token = os.getenv("BENCH_TOKEN")
local cookie = os.getenv("BENCH_COOKIE")
local customers = tonumber(os.getenv("BENCH_CUSTOMERS") or "100000")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

local function uuid()
  return string.format("%08x-%04x-4%03x-a%03x-%012x",
    math.random(0, 0xffffffff), math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff), math.random(0, 0xffffffffffff))
end

request = function()
  local phone = "1199" .. string.format("%07d", math.random(1, customers))
  local body = "IdempotencyKey=" .. uuid() .. "&Phone=" .. phone .. "&Amount=45%2C90&__RequestVerificationToken=" .. token
  return wrk.format("POST", "/registrar", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end
