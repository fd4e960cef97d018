-- Settles one request admitted by rate_limit_admit.lua, after it ended: gives its concurrency
-- leases back and replaces the tokens it reserved by the tokens it really used (a refund when
-- it used fewer, a charge when more) in every scope that counted it. The tokens stay at the
-- request's admission time while that is still in the window; when it has already left, only a
-- charge matters and counts from now. Runs after the response, off the request path.
--
-- KEYS: three per scope, as in rate_limit_admit.lua (log, sum, leases)
-- ARGV: window us, request id, tokens reserved, tokens used, then per scope: counted (1 when
--   the scope logged the request), leased (1 when it holds a lease)
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local window = tonumber(ARGV[1])
local id = ARGV[2]
local reserved = tonumber(ARGV[3])
local used = tonumber(ARGV[4])
local keep_log = math.floor(window / 1000) + 1000

-- #include window_trim

local function settle(log, sum)
  trim(log, sum)
  local reservation = id .. ':' .. ARGV[3]
  local admitted = redis.call('ZSCORE', log, reservation)
  if admitted then
    redis.call('ZREM', log, reservation)
    redis.call('ZADD', log, admitted, id .. ':' .. ARGV[4])
    redis.call('INCRBY', sum, used - reserved)
  elseif used > reserved then
    redis.call('ZADD', log, now, id .. '+:' .. (used - reserved))
    redis.call('INCRBY', sum, used - reserved)
    redis.call('PEXPIRE', log, keep_log)
    redis.call('PEXPIRE', sum, keep_log)
  end
end

for scope = 1, #KEYS / 3 do
  if ARGV[3 + scope * 2] == '1' and used ~= reserved then
    settle(KEYS[scope * 3 - 2], KEYS[scope * 3 - 1])
  end
  if ARGV[4 + scope * 2] == '1' then
    redis.call('ZREM', KEYS[scope * 3], id)
  end
end
return 1
