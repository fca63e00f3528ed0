/**
 * The Lua scripts, each one atomic on the Redis server. They are kept apart
 * from the TypeScript that calls them; ioredis sends them with EVALSHA and
 * falls back to EVAL after a Redis restart flushed its script cache.
 *
 * Log invariants: the `log` hash holds `epoch` and `last`; the stream's entry
 * ids are `0-<sequence>`. A stream without its hash is a lost log and is
 * dropped before a new epoch starts, so a sequence never restarts under the
 * same epoch. All reads and checks come before the first write, so a script
 * never stops half-way.
 */

/**
 * Appends ARGV[first..] as events; shared by the two scripts below. KEYS[1] log, KEYS[2] events. `wake`: publish
 * the new last sequence on the stream's sharded Pub/Sub channel, which a Cluster's followers wait on. A single
 * node or a Sentinel group has no use for it (its followers block in XREAD), so their scripts leave it out:
 * each redis.call costs a script about a microsecond of Redis CPU, whatever the command.
 */
function appendFunction(wake: boolean): string {
  return `
local function append(logKey, eventsKey, newEpoch, ttlMs, maxLen, first)
  local log = redis.call('HMGET', logKey, 'epoch', 'last')
  local epoch = log[1]
  local last = 0
  if not epoch then
    redis.call('DEL', eventsKey)
    epoch = newEpoch
  else
    last = tonumber(log[2])
  end
  for i = first, #ARGV do
    last = last + 1
    -- The last event of the turn trims the stream, exactly, to the events kept: one trim per turn, not one per
    -- event (the script is atomic, so nobody sees the stream in between, and the same entries are kept).
    if i == #ARGV then
      redis.call('XADD', eventsKey, 'MAXLEN', maxLen, '0-' .. last, 'e', ARGV[i])
    else
      redis.call('XADD', eventsKey, '0-' .. last, 'e', ARGV[i])
    end
  end
  redis.call('HSET', logKey, 'epoch', epoch, 'last', last)
  redis.call('PEXPIRE', logKey, ttlMs)
  if last > 0 then redis.call('PEXPIRE', eventsKey, ttlMs) end
${
  wake
    ? `  if first <= #ARGV then
    -- Same hash tag as the stream, so the same slot. pcall: Redis before 7 has no SPUBLISH (and no Cluster
    -- follower can wait on it there).
    redis.pcall('SPUBLISH', (string.gsub(eventsKey, ':events$', ':wake')), last)
  end
`
    : ''
}  return {epoch, last}
end
`;
}

/**
 * One turn: compare-and-set of the session and the append of its events.
 * KEYS: session, log, events. ARGV: expected version, new session document
 * ('' ends the session), session TTL ms, log TTL ms, max events, new epoch,
 * expected revision ('' checks the version only), then one JSON document per
 * event. A missing key is version 0, so a session that expired or was lost
 * with a Redis restart never matches a cached one.
 * Returns {0, current version, current document or ''} on a conflict (nothing
 * written), so that the caller can run the turn again on the stored session
 * without another round trip; else {1, epoch, last sequence}.
 */
export function commitTurnScript(wake: boolean): string {
  return `
${appendFunction(wake)}
local current = redis.call('GET', KEYS[1])
local version = 0
local revision = ''
if current then
  local stored = cjson.decode(current)
  version = stored['version']
  revision = stored['rev'] or ''
end
if version ~= tonumber(ARGV[1]) or (ARGV[7] ~= '' and revision ~= ARGV[7]) then
  return {0, version, current or ''}
end
local result = {'', 0}
if #ARGV > 7 then result = append(KEYS[2], KEYS[3], ARGV[6], ARGV[4], ARGV[5], 8) end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return {1, result[1], result[2]}
`;
}

/**
 * Appends events outside a turn (a timeout, a primitive failure).
 * KEYS: log, events. ARGV: log TTL ms, max events, new epoch, events…
 */
export function appendEventsScript(wake: boolean): string {
  return `
${appendFunction(wake)}
return append(KEYS[1], KEYS[2], ARGV[3], ARGV[1], ARGV[2], 4)
`;
}

/**
 * Opens a log for reading: creates it (empty, with a new epoch) when there is
 * none, so that a subscriber learns the epoch its first event will carry.
 * KEYS: log, events. ARGV: empty-log TTL ms (short: its subscribers keep it
 * alive, and it must not outlive them by long), new epoch. Returns {epoch, last}.
 */
export const OPEN_LOG = `
local epoch = redis.call('HGET', KEYS[1], 'epoch')
if epoch then return {epoch, tonumber(redis.call('HGET', KEYS[1], 'last'))} end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'epoch', ARGV[2], 'last', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return {ARGV[2], 0}
`;

/**
 * Keeps a followed log alive while nothing is written to it (a stream's TTL is
 * reset by writes only): the idle TTL for a log with events, the short
 * empty-log TTL for one a subscription created. Creates nothing.
 * KEYS: log, events. ARGV: log TTL ms, empty-log TTL ms. Returns 1, or 0 when there is no log.
 */
export const KEEP_ALIVE = `
local last = redis.call('HGET', KEYS[1], 'last')
if not last then return 0 end
if tonumber(last) == 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
end
return 1
`;
