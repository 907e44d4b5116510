"""One address policy for every request armswatch sends to a URL that someone gave it: feeds, article
pages, alert webhooks and Slack.

Such a URL must not reach what only the machine itself can reach (Elasticsearch on 127.0.0.1, the
cloud metadata service, the office network), so:

- only ``http`` and ``https``, a port in range, a host that is a name or an IP address written the
  usual way: numeric tricks that some resolvers still read as addresses (``2130706433``, ``0x7f.1``,
  ``127.1``, ``0177.0.0.1``) are refused outright;
- every address the host resolves to is checked: private, loopback, link-local, shared (CGNAT),
  multicast, reserved, unspecified and cloud-metadata addresses are refused, also when written
  inside IPv6 (IPv4-mapped, -compatible, NAT64, 6to4, Teredo). ``allow_private_addresses`` lets the
  private kinds through (a receiver or a feed on the local network is a legitimate use); multicast,
  reserved, unspecified and metadata addresses are never a feed or a receiver, and stay refused;
- the check runs when a URL is registered (``feeds add``, ``alerts add``) and again at every
  connection, which then goes to the address that was checked (``connect_target``): a DNS answer
  that changes in between (rebinding) reaches nothing new. Redirects are each checked like the first
  request, or not followed at all.

Secrets travel in URLs (a Slack hook's path, a webhook's query string, ``user:password@``):
``mask_url`` and ``redact`` keep them out of logs, records and error messages.

Pure functions except ``resolve`` and ``resolve_async`` (DNS) and ``check_destination`` (which calls
``resolve``).
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
ALLOW_SETTING = "ARMSWATCH_ALLOW_PRIVATE_ADDRESSES"
# Address kinds that allow_private_addresses lets through; every other kind is always refused.
PRIVATE_KINDS = frozenset({"loopback", "private", "link-local", "shared (CGNAT)"})
# Cloud instance metadata services (AWS/GCP/Azure/OpenStack, AWS over IPv6, ECS tasks, Alibaba):
# credentials live there, and no feed or alert receiver does.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(text)
    for text in ("169.254.169.254", "fd00:ec2::254", "169.254.170.2", "100.100.100.200")
)
SHARED_NETWORK = ipaddress.ip_network("100.64.0.0/10")
IETF_PROTOCOL_NETWORK = ipaddress.ip_network("192.0.0.0/24")
NAT64_NETWORK = ipaddress.ip_network("64:ff9b::/96")
COMPATIBLE_NETWORK = ipaddress.ip_network("::/96")
TRANSLATED_NETWORK = ipaddress.ip_network("::ffff:0:0:0/96")
# A dotted part of a host that resolvers read as a number: decimal, octal (leading 0) or hex.
NUMERIC_PART = re.compile(r"0[xX][0-9a-fA-F]*|[0-9]+")


class RefusedURL(ValueError):
    """A URL armswatch does not send requests to. ``reason`` is short and stable (``bad_url``,
    ``forbidden_address``, ``dns_failed``); the message is one line that says what to change."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Target:
    """A URL that passed the syntax checks: where it connects and what it asks for."""

    parts: SplitResult
    scheme: str
    host: str  # lower case; an IPv6 address without brackets or zone
    port: int  # the URL's port or the scheme's default

    @property
    def url(self) -> str:
        return urlunsplit(self.parts)


def _numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a resolver would read in ``host`` (inet_aton forms: 1 to 4 dotted parts,
    each decimal, octal or hex, the last filling the remaining bytes), or None for a name."""
    parts = host[:-1].split(".") if host.endswith(".") else host.split(".")
    if not parts or not all(NUMERIC_PART.fullmatch(part) for part in parts):
        return None
    if len(parts) > 4:
        raise RefusedURL("bad_url", f"{host!r} is neither a host name nor an IPv4 address")
    try:
        values = [int(part[2:], 16) if part[:2].lower() == "0x" else int(part, 8 if part[0] == "0" else 10)
                  for part in parts]  # fmt: skip
    except ValueError:  # "08" (not octal), "0x" (no digits)
        raise RefusedURL("bad_url", f"{host!r} is neither a host name nor an IPv4 address") from None
    *head, last = values
    room = 8 * (4 - len(head))
    if any(value > 255 for value in head) or last >= 1 << room:
        raise RefusedURL("bad_url", f"{host!r} is out of the IPv4 range")
    number = 0
    for value in head:
        number = number << 8 | value
    return ipaddress.IPv4Address(number << room | last)


def _literal_address(host: str) -> IPAddress | None:
    """The address ``host`` is written as, or None for a name. Raises RefusedURL for a numeric host
    that is not a dotted-decimal IPv4 written canonically (``2130706433``, ``0x7f.1``, ``127.1``)."""
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            raise RefusedURL("bad_url", f"{host!r} is not a valid IPv6 address") from None
    numeric = _numeric_ipv4(host)
    if numeric is not None and str(numeric) != host:
        raise RefusedURL(
            "bad_url", f"{host!r} is an unusual way of writing the address {numeric}: write {numeric}"
        )
    return numeric


def parse_target(url: str, *, credentials: bool = False) -> Target:
    """Check a URL's form (not its addresses). ``credentials`` allows ``user:password@`` (sent as
    HTTP basic auth by alert webhooks; feeds never send any). Raises RefusedURL (``bad_url``); the
    message never repeats the URL, which may hold a secret."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise RefusedURL("bad_url", f"not a valid URL ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise RefusedURL("bad_url", "only http and https URLs are allowed")
    host = (parts.hostname or "").lower()
    if not host:
        raise RefusedURL("bad_url", "the URL has no host")
    if (parts.username is not None or parts.password is not None) and not credentials:
        raise RefusedURL("bad_url", "credentials in URLs are not sent")
    if _literal_address(host) is None:
        try:
            host.encode("idna")
        except UnicodeError:
            raise RefusedURL("bad_url", f"host {host!r} is not a valid domain name") from None
    return Target(parts, scheme, host, port or (443 if scheme == "https" else 80))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (compatible, translated, NAT64, 6to4, Teredo
    client), which is where a connection to it may end up."""
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if any(ip in network for network in (COMPATIBLE_NETWORK, TRANSLATED_NETWORK, NAT64_NETWORK)):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_kind(address: str | IPAddress) -> str | None:
    """Why an address is not on the public internet (``loopback``, ``private``, ``link-local``,
    ``shared (CGNAT)``, ``cloud metadata``, ``multicast``, ``reserved``, ``unspecified``,
    ``special-purpose``), or None for a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0]) if isinstance(address, str) else address
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # an IPv4 connection in every respect
            return address_kind(ip.ipv4_mapped)
        embedded = _embedded_ipv4(ip)
        if embedded is not None and (kind := address_kind(embedded)) is not None:
            return kind
    if ip in METADATA_ADDRESSES:
        return "cloud metadata"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip in SHARED_NETWORK:
        return "shared (CGNAT)"
    if ip.is_reserved or ip == ipaddress.IPv4Address("255.255.255.255"):
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global or ip in IETF_PROTOCOL_NETWORK:
        return "special-purpose"
    return None


def refusal(address: str | IPAddress, allow_private: bool) -> str | None:
    """The kind of a refused address (see ``address_kind``), or None when requests may go there."""
    kind = address_kind(address)
    if kind is None or (allow_private and kind in PRIVATE_KINDS):
        return None
    return kind


def choose_address(host: str, addresses: list[str], allow_private: bool) -> str:
    """The address to connect to: the first of ``addresses`` once every one passed the policy (a
    name with one internal address among public ones is refused). Raises RefusedURL."""
    if not addresses:
        raise RefusedURL("dns_failed", f"{host} has no address")
    for address in addresses:
        kind = refusal(address, allow_private)
        if kind is None:
            continue
        hint = f" (set {ALLOW_SETTING}=true to allow)" if kind in PRIVATE_KINDS else ""
        where = f"{address} is" if host == address else f"{host} resolves to {address},"
        raise RefusedURL("forbidden_address", f"{where} a {kind} address: requests there are refused{hint}")
    return addresses[0]


def _unique_addresses(infos: list[Any]) -> list[str]:
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def resolve(target: Target, allow_private: bool) -> str:
    """Resolve the target's host (blocking) and return the checked address to connect to. Raises
    RefusedURL (``dns_failed``, ``forbidden_address``)."""
    try:
        infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise RefusedURL("dns_failed", f"{target.host}: {error}") from None
    return choose_address(target.host, _unique_addresses(infos), allow_private)


async def resolve_async(target: Target, allow_private: bool) -> str:
    """``resolve`` for an event loop."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            target.host, target.port, type=socket.SOCK_STREAM
        )
    except (OSError, UnicodeError) as error:
        raise RefusedURL("dns_failed", f"{target.host}: {error}") from None
    return choose_address(target.host, _unique_addresses(infos), allow_private)


def connect_target(target: Target, address: str) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The request that goes to ``address`` and still asks for ``target``: the URL with the address
    as its host, the ``Host`` header, and the httpx extensions that give TLS the host name (SNI and
    certificate check)."""
    parts = target.parts
    netloc = f"[{address}]" if ":" in address else address
    if parts.port is not None:
        netloc += f":{parts.port}"
    if parts.username is not None:
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{netloc}"
    url = urlunsplit((target.scheme, netloc, parts.path or "/", parts.query, ""))
    name = f"[{target.host}]" if ":" in target.host else target.host.encode("idna").decode("ascii")
    host_header = name if parts.port is None else f"{name}:{parts.port}"
    extensions: dict[str, Any] = {"sni_hostname": target.host} if target.scheme == "https" else {}
    return url, {"Host": host_header}, extensions


def check_destination(url: str, allow_private: bool, *, credentials: bool = False) -> str | None:
    """Registration-time check of a URL: its form, and the addresses its host resolves to now.

    Returns None, or a warning when the host does not resolve from here (the URL may be registered
    from another network than the workers'; every request checks again). Raises RefusedURL.
    """
    target = parse_target(url, credentials=credentials)
    try:
        resolve(target, allow_private)
    except RefusedURL as error:
        if error.reason != "dns_failed":
            raise
        return f"{target.host} does not resolve from here; it is checked again at every request"
    return None


def mask_url(url: str, *, keep_path: bool = True) -> str:
    """The URL without its secrets, for logs and records: ``user:password@`` and query values
    become ``***``, and so does the path when ``keep_path`` is False (a Slack hook's path is its
    token). Anything unreadable becomes ``<invalid URL>``."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port is not None else ""
    except ValueError:
        return "<invalid URL>"
    netloc = (f"[{host}]" if ":" in host else host) + port
    if parts.username is not None or parts.password is not None:
        netloc = f"***@{netloc}"
    path = parts.path if keep_path else ("/***" if parts.path.strip("/") else parts.path)
    query = urlencode([(name, "***") for name, _value in parse_qsl(parts.query, keep_blank_values=True)])
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def redact(text: str, url: str, *, keep_path: bool = True) -> str:
    """``text`` (an error message, a receiver's answer) with every secret piece of ``url`` masked."""
    secrets = [url]
    try:
        parts = urlsplit(url)
    except ValueError:  # unbalanced IPv6 brackets: the whole URL is all there is to hide
        parts = None
    if parts is not None:
        secrets += [parts.netloc.rpartition("@")[0], parts.query]
        secrets += [value for _name, value in parse_qsl(parts.query, keep_blank_values=True)]
        if not keep_path:
            secrets.append(parts.path)
    masked = mask_url(url, keep_path=keep_path)
    for secret in sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, masked if secret == url else "***")
    return text
