"""Fetching feeds and pages from the open web, politely and without letting the web hurt us.

One ``Fetcher`` per worker (async, httpx). What it guarantees for every request:

- the address policy of ``armswatch.outbound`` (only ``http`` and ``https``; every address the host
  resolves to public unless the settings allow private ones); the connection goes to the address
  that was checked, so a DNS answer that changes between check and connect (rebinding) cannot reach
  an internal service;
- conditional GET (``If-None-Match`` / ``If-Modified-Since``) and a hash of the body, for servers
  whose validators lie;
- gzip and deflate decoded here, chunk by chunk, and the body size counted after decompression:
  a response over the limit, or a decompression bomb, is cut off without being held in memory;
- connect and read timeouts, and a total deadline that also stops servers trickling bytes;
- redirects followed by hand, each hop checked like the first, at most ``fetch_max_redirects``;
  loops detected; a chain that starts with permanent redirects reports where the feed moved;
- an honest User-Agent, and a limit on requests in flight per host.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urljoin

import httpx

from armswatch.config import Settings
from armswatch.outbound import RefusedURL, connect_target, mask_url, parse_target, resolve_async

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECT_STATUSES = frozenset({301, 308})
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, */*;q=0.5"
)
# zlib output produced per step while decoding: the size check runs between steps, so a bomb
# never expands by more than this beyond the limit.
DECODE_STEP = 64 * 1024


class FetchError(Exception):
    """A fetch that brought no usable body. ``reason`` is short and stable (``http_404``, ``timeout``,
    ``too_large``, ``forbidden_address``, ...), ``retry_after`` the delay the server asked for, if any."""

    def __init__(self, reason: str, detail: str, *, retry_after: float | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.retry_after = retry_after


@dataclass(frozen=True)
class Validators:
    """What the last successful fetch of a URL left: sent back to ask "changed since?"."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass(frozen=True)
class Fetched:
    """A completed fetch. ``body`` is None when nothing changed (304, or the same bytes again)."""

    url: str
    final_url: str
    status: int
    body: bytes | None
    content_type: str | None
    validators: Validators
    moved_to: str | None = None

    @property
    def changed(self) -> bool:
        return self.body is not None


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date); None if absent or
    unreadable. A date in the past means no wait."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class _Decoder:
    """Content-Encoding decoding with bounded output per step: gzip (also several members) and
    deflate (zlib-wrapped, or raw as some servers send it)."""

    def __init__(self, encoding: str) -> None:
        encodings = [part.strip().lower() for part in encoding.split(",") if part.strip()]
        encodings = [e for e in encodings if e != "identity"]
        if len(encodings) > 1:
            raise FetchError("unsupported_encoding", f"stacked content encodings {encoding!r}")
        self.kind = encodings[0] if encodings else "identity"
        if self.kind not in ("identity", "gzip", "x-gzip", "deflate"):
            raise FetchError("unsupported_encoding", f"content encoding {encoding!r}")
        self.inflater: zlib._Decompress | None = None

    def _start(self, first: bytes) -> zlib._Decompress:
        if self.kind != "deflate":
            return zlib.decompressobj(31)
        zlib_header = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
        return zlib.decompressobj(15 if zlib_header else -15)

    def decode(self, chunk: bytes) -> Iterator[bytes]:
        """The decoded bytes of ``chunk``, in pieces of at most ``DECODE_STEP`` bytes."""
        if self.kind == "identity":
            yield chunk
            return
        if self.inflater is None:
            if not chunk:
                return
            self.inflater = self._start(chunk)
        data = chunk
        while True:
            try:
                out = self.inflater.decompress(data, DECODE_STEP)
            except zlib.error as error:
                raise FetchError("bad_encoding", f"cannot decode {self.kind} body: {error}") from None
            if out:
                yield out
            if self.inflater.eof:
                rest = self.inflater.unused_data
                if not rest.startswith(b"\x1f\x8b"):
                    return  # trailing padding after the stream: ignored, as browsers do
                self.inflater = zlib.decompressobj(31)  # another gzip member follows
                data = rest
                continue
            data = self.inflater.unconsumed_tail
            if not data and not out:
                return


class Fetcher:
    """Fetches URLs under the guarantees listed in the module docstring. Use as an async context
    manager; safe to share between the tasks of one event loop."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = httpx.AsyncClient(
            timeout=httpx.Timeout(
                connect=settings.fetch_connect_timeout,
                read=settings.fetch_read_timeout,
                write=settings.fetch_read_timeout,
                pool=settings.fetch_total_timeout,
            ),
            follow_redirects=False,
            # No proxies from the environment: the address check must see where we really connect.
            trust_env=False,
            limits=httpx.Limits(
                max_connections=max(100, settings.ingest_concurrency * 2), max_keepalive_connections=50
            ),
        )
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.fetch_per_host_concurrency)
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self.client.aclose()

    async def fetch(
        self,
        url: str,
        validators: Validators | None = None,
        *,
        accept: str = FEED_ACCEPT,
        max_bytes: int | None = None,
    ) -> Fetched:
        """GET ``url`` (conditionally when ``validators`` are given).

        Returns a ``Fetched`` whose body is None when the server answered 304 or sent the same
        bytes as last time. Raises FetchError for everything else: bad or forbidden URL, DNS or
        connection failure, timeout, HTTP error status (with the server's Retry-After), body too
        large, undecodable encoding, redirect loop or too many redirects.
        """
        try:
            async with asyncio.timeout(self.settings.fetch_total_timeout):
                return await self._follow(url, validators or Validators(), accept, max_bytes)
        except TimeoutError:
            raise FetchError(
                "timeout", f"no complete answer within {self.settings.fetch_total_timeout:g}s"
            ) from None

    async def _follow(self, url: str, validators: Validators, accept: str, max_bytes: int | None) -> Fetched:
        current = url
        visited = {url}
        moved_to: str | None = None
        permanent_so_far = True
        for _hop in range(self.settings.fetch_max_redirects + 1):
            conditional = validators if current == url else Validators()
            status, headers, body = await self._request(current, conditional, accept, max_bytes)
            if status in REDIRECT_STATUSES:
                location = headers.get("location")
                if not location:
                    raise FetchError("bad_redirect", f"{status} from {current} without a Location")
                target = urljoin(current, location.strip())
                if status in PERMANENT_REDIRECT_STATUSES and permanent_so_far:
                    moved_to = target
                else:
                    permanent_so_far = False
                if target in visited:
                    raise FetchError("redirect_loop", f"{current} redirects back to {target}")
                visited.add(target)
                current = target
                continue
            return self._outcome(url, current, status, headers, body, validators, moved_to)
        raise FetchError(
            "too_many_redirects", f"more than {self.settings.fetch_max_redirects} redirects from {url}"
        )

    def _outcome(
        self,
        url: str,
        final_url: str,
        status: int,
        headers: httpx.Headers,
        body: bytes | None,
        previous: Validators,
        moved_to: str | None,
    ) -> Fetched:
        content_type = headers.get("content-type")
        if status == 304:
            return Fetched(url, final_url, status, None, content_type, previous, moved_to)
        if status >= 400 or body is None:
            retry_after = parse_retry_after(headers.get("retry-after"), datetime.now(UTC))
            raise FetchError(f"http_{status}", f"{final_url} answered {status}", retry_after=retry_after)
        if not 200 <= status < 300:
            raise FetchError(f"http_{status}", f"{final_url} answered {status}, expected 200")
        digest = body_hash(body)
        validators = Validators(headers.get("etag"), headers.get("last-modified"), digest)
        unchanged = previous.body_hash == digest
        return Fetched(
            url, final_url, status, None if unchanged else body, content_type, validators, moved_to
        )

    async def _request(
        self, url: str, validators: Validators, accept: str, max_bytes: int | None
    ) -> tuple[int, httpx.Headers, bytes | None]:
        """One request, no redirect followed: status, headers, and the decoded body of a 2xx."""
        try:
            target = parse_target(url)
            address = await resolve_async(target, self.settings.allow_private_addresses)
        except RefusedURL as error:
            raise FetchError(error.reason, f"{mask_url(url)}: {error.detail}") from None
        # The request goes to the checked address; Host and TLS SNI still name the host.
        request_url, host_header, extensions = connect_target(target, address)
        headers = {
            "User-Agent": self.settings.fetch_user_agent,
            "Accept": accept,
            "Accept-Encoding": "gzip, deflate",
            **host_header,
        }
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        limit = max_bytes if max_bytes is not None else self.settings.fetch_max_body_bytes
        async with self._hosts[target.host]:
            try:
                request = self.client.build_request(
                    "GET", request_url, headers=headers, extensions=extensions
                )
                response = await self.client.send(request, stream=True)
            except httpx.TimeoutException as error:
                raise FetchError("timeout", f"{url}: {type(error).__name__}") from None
            except httpx.HTTPError as error:
                raise FetchError("connection_failed", f"{url}: {error or type(error).__name__}") from None
            try:
                if not 200 <= response.status_code < 300:
                    return response.status_code, response.headers, None
                body = await self._read_body(response, url, limit)
                return response.status_code, response.headers, body
            finally:
                await response.aclose()

    async def _read_body(self, response: httpx.Response, url: str, limit: int) -> bytes:
        declared = response.headers.get("content-length", "")
        encoding = response.headers.get("content-encoding", "")
        if declared.isdigit() and not encoding and int(declared) > limit:
            raise FetchError("too_large", f"{url} declares {declared} bytes, more than {limit}")
        decoder = _Decoder(encoding)
        chunks: list[bytes] = []
        size = 0
        try:
            async for raw in response.aiter_raw():
                for piece in decoder.decode(raw):
                    size += len(piece)
                    if size > limit:
                        raise FetchError("too_large", f"{url} body exceeds {limit} bytes (decompressed)")
                    chunks.append(piece)
        except httpx.TimeoutException as error:
            raise FetchError("timeout", f"{url}: {type(error).__name__} while reading") from None
        except httpx.HTTPError as error:
            raise FetchError("connection_failed", f"{url}: {error or type(error).__name__}") from None
        return b"".join(chunks)
