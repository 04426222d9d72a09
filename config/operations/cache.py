"""Django's Redis cache, answering as an empty cache while Redis is out of reach.

Sessions (cached_db: the database keeps them), the page cache, rate limits and the search circuit
breaker all use the shared cache; none of them is worth a 500 when Redis is down. While it is, reads
miss, writes are dropped, `add` says the key exists, `incr` counts from zero, and each process
leaves Redis alone for a few seconds after a failure instead of waiting on it for every call. One
warning per outage and process goes to the log; /readyz names the cache as down.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER_SECONDS = 5.0


class ResilientRedisCacheClient(RedisCacheClient):
    _down_since = 0.0
    _down_until = 0.0

    def _call(self, method: str, fallback, *args):
        now = time.monotonic()
        if now < self._down_until:
            return fallback
        try:
            result = getattr(super(), method)(*args)
        except UNREACHABLE as error:
            if not self._down_since:
                logger.warning("Redis cache unreachable (%s): answering as an empty cache", error)
                self._down_since = now
            self._down_until = now + RETRY_AFTER_SECONDS
            return fallback
        if self._down_since:
            logger.warning("Redis cache reachable again")
            self._down_since = 0.0
        return result

    def add(self, key, value, timeout):
        return self._call("add", False, key, value, timeout)

    def get(self, key, default):
        return self._call("get", default, key, default)

    def set(self, key, value, timeout):
        return self._call("set", None, key, value, timeout)

    def touch(self, key, timeout):
        return self._call("touch", False, key, timeout)

    def delete(self, key):
        return self._call("delete", False, key)

    def get_many(self, keys):
        return self._call("get_many", {}, keys)

    def has_key(self, key):
        return self._call("has_key", False, key)

    def incr(self, key, delta):
        return self._call("incr", delta, key, delta)

    def set_many(self, data, timeout):
        return self._call("set_many", None, data, timeout)

    def delete_many(self, keys):
        return self._call("delete_many", None, keys)

    def clear(self):
        return self._call("clear", False)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
