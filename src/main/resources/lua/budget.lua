-- Budget ledger of one tenant: reserve, settle, read. Atomic; every key shares the tenant's hash
-- tag, so the script runs on Redis Cluster. Amounts are integer micro-dollars passed as decimal
-- strings; Lua numbers (doubles) are used only to compare, and are exact below 2^53 (USD 9e9).
--
-- KEYS[1] holds   hash  reservation id -> "<micros> <held field> [<held field>]"
-- KEYS[2] expiry  zset  reservation id, scored by the Redis time (ms) at which it lapses
-- KEYS[3] held    hash  held field ("t", "a:<agent type>") -> micros reserved in flight
-- KEYS[4..] one hash per budget period: "spent" -> micros charged, "alert:<pct>" -> 1 once sent
--
-- ARGV[1] is the mode:
--   reserve  id micros ttl_ms, then per period: limit held_field
--            -> {1, spent...} or {0, refused period index, spent, held}
--   settle   id-or-empty micros, then per period: expire_at_s limit pcts(comma separated)
--            -> {period index, pct, spent, ...} for every alert threshold crossed for the first time
--   read     -> {spent per period..., held field, micros, ...}
-- Reservations whose time has passed (an instance died mid-request) are purged on every call.

local mode = ARGV[1]
local PERIODS = #KEYS - 3

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function release(id)
  local hold = redis.call('HGET', KEYS[1], id)
  if hold then
    local amount = nil
    for word in string.gmatch(hold, '%S+') do
      if amount == nil then
        amount = word
      elseif tonumber(redis.call('HINCRBY', KEYS[3], word, '-' .. amount)) <= 0 then
        redis.call('HDEL', KEYS[3], word)
      end
    end
    redis.call('HDEL', KEYS[1], id)
  end
  redis.call('ZREM', KEYS[2], id)
end

local function purge(now)
  local lapsed = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 256)
  for _, id in ipairs(lapsed) do
    release(id)
  end
end

local function spent(i)
  return tonumber(redis.call('HGET', KEYS[3 + i], 'spent') or '0')
end

local function reserve(now)
  local id, amount, ttl = ARGV[2], ARGV[3], tonumber(ARGV[4])
  local result = {1}
  local fields = {}
  for i = 1, PERIODS do
    local limit, field = tonumber(ARGV[3 + 2 * i]), ARGV[4 + 2 * i]
    local used, held = spent(i), tonumber(redis.call('HGET', KEYS[3], field) or '0')
    if limit > 0 and used + held + tonumber(amount) > limit then
      return {0, i, used, held}
    end
    result[#result + 1] = used
    fields[field] = true
  end
  local record = amount
  for field in pairs(fields) do
    redis.call('HINCRBY', KEYS[3], field, amount)
    record = record .. ' ' .. field
  end
  redis.call('HSET', KEYS[1], id, record)
  redis.call('ZADD', KEYS[2], now + ttl, id)
  for k = 1, 3 do
    redis.call('PEXPIRE', KEYS[k], 2 * ttl)
  end
  return result
end

local function settle()
  if ARGV[2] ~= '' then
    release(ARGV[2])
  end
  local amount = ARGV[3]
  local alerts = {}
  if tonumber(amount) <= 0 then
    return alerts
  end
  for i = 1, PERIODS do
    local key, limit = KEYS[3 + i], tonumber(ARGV[2 + 3 * i])
    local total = tonumber(redis.call('HINCRBY', key, 'spent', amount))
    redis.call('EXPIREAT', key, ARGV[1 + 3 * i])
    if limit > 0 then
      for pct in string.gmatch(ARGV[3 + 3 * i], '%d+') do
        if total * 100 >= limit * tonumber(pct) and redis.call('HSETNX', key, 'alert:' .. pct, 1) == 1 then
          alerts[#alerts + 1] = i
          alerts[#alerts + 1] = tonumber(pct)
          alerts[#alerts + 1] = total
        end
      end
    end
  end
  return alerts
end

local function read()
  local result = {}
  for i = 1, PERIODS do
    result[#result + 1] = spent(i)
  end
  local held = redis.call('HGETALL', KEYS[3])
  for _, value in ipairs(held) do
    result[#result + 1] = value
  end
  return result
end

local now = now_ms()
purge(now)
if mode == 'reserve' then
  return reserve(now)
elseif mode == 'settle' then
  return settle()
end
return read()
