"""The address policy of every outbound request: URL forms, address kinds, the checked connection,
and secrets kept out of messages."""

from __future__ import annotations

import pytest

from armswatch.outbound import (
    RefusedURL,
    address_kind,
    check_destination,
    choose_address,
    connect_target,
    mask_url,
    parse_target,
    redact,
    refusal,
)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("93.184.215.14", None),
        ("8.8.8.8", None),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", None),
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("169.254.170.2", "cloud metadata"),
        ("100.100.100.200", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("169.254.1.1", "link-local"),
        ("100.64.0.1", "shared (CGNAT)"),
        ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "private"),  # "this network": connects locally on some systems
        ("224.0.0.1", "multicast"),
        ("233.252.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("192.0.0.8", "special-purpose"),
        ("198.18.0.1", "private"),  # benchmarking
        ("::", "unspecified"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("ff02::1", "multicast"),
        ("2001:db8::1", "private"),  # documentation
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:7f00:1", "loopback"),  # the same, in hex
        ("::ffff:169.254.169.254", "cloud metadata"),
        ("::ffff:10.0.0.1", "private"),
        ("::127.0.0.1", "loopback"),  # IPv4-compatible
        ("::ffff:0:127.0.0.1", "loopback"),  # IPv4-translated
        ("64:ff9b::7f00:1", "loopback"),  # NAT64
        ("64:ff9b::a9fe:a9fe", "cloud metadata"),
        ("2002:7f00:1::1", "loopback"),  # 6to4
        ("2002:a9fe:a9fe::", "cloud metadata"),
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"),  # Teredo client 127.0.0.1
        ("::ffff:8.8.8.8", None),
    ],
)
def test_outbound_address_kind(address: str, kind: str | None) -> None:
    assert address_kind(address) == kind


@pytest.mark.parametrize(
    ("address", "allowed_with_setting"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("10.0.0.1", True),
        ("169.254.1.1", True),
        ("100.64.0.1", True),
        ("169.254.169.254", False),
        ("::ffff:169.254.169.254", False),
        ("224.0.0.1", False),
        ("0.0.0.0", False),
        ("240.0.0.1", False),
    ],
)
def test_outbound_setting_allows_private_kinds_only(address: str, allowed_with_setting: bool) -> None:
    assert refusal(address, allow_private=False) is not None
    assert (refusal(address, allow_private=True) is None) is allowed_with_setting


@pytest.mark.parametrize(
    ("url", "written_for"),
    [
        ("http://2130706433/", "127.0.0.1"),  # one decimal number
        ("http://0x7f.1/", "127.0.0.1"),  # hex and a 24-bit rest
        ("http://0x7f000001/", "127.0.0.1"),
        ("http://127.1/", "127.0.0.1"),
        ("http://0177.0.0.1/", "127.0.0.1"),  # octal
        ("http://017700000001/", "127.0.0.1"),
        ("http://0xA9.0xFE.0xA9.0xFE/latest/meta-data/", "169.254.169.254"),
        ("http://169.254.43518/", "169.254.169.254"),
        ("http://127.0.0.1./", "127.0.0.1"),  # trailing dot
        ("http://134744072/", "8.8.8.8"),  # unusual even when public
    ],
)
def test_outbound_refuses_numeric_tricks(url: str, written_for: str) -> None:
    with pytest.raises(RefusedURL) as caught:
        parse_target(url)
    assert caught.value.reason == "bad_url" and f"write {written_for}" in caught.value.detail


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/feed", "only http and https"),
        ("gopher://example.org", "only http and https"),
        ("http:///no-host", "no host"),
        ("http://user:secret@example.org/feed", "credentials"),
        ("https://hooks.slack.com:99999/services/T/B/tok", "not a valid URL"),
        ("https://hooks.slack.com:port/services/T/B/tok", "not a valid URL"),
        ("http://[::1/", "not a valid URL"),
        ("http://1.2.3.4.5/", "neither a host name nor an IPv4 address"),
        ("http://08.1.1.1/", "neither a host name nor an IPv4 address"),
        ("http://0x/", "neither a host name nor an IPv4 address"),
        ("http://1.2.3.256/", "out of the IPv4 range"),
        ("http://4294967296/", "out of the IPv4 range"),
    ],
)
def test_outbound_refuses_malformed_urls_without_repeating_them(url: str, message: str) -> None:
    with pytest.raises(RefusedURL) as caught:
        parse_target(url)
    assert caught.value.reason == "bad_url" and message in caught.value.detail
    assert "secret" not in caught.value.detail and "tok" not in caught.value.detail


def test_outbound_parses_scheme_host_and_default_port() -> None:
    assert (
        parse_target("HTTPS://Example.org/feed").scheme,
        parse_target("HTTPS://Example.org/feed").port,
    ) == (
        "https",
        443,
    )
    target = parse_target("http://[::1]:8080/x", credentials=True)
    assert (target.host, target.port) == ("::1", 8080)
    assert parse_target("http://u:p@example.org/", credentials=True).host == "example.org"
    assert parse_target("http://10.0.0.1/").host == "10.0.0.1"  # canonical: checked by address later


def test_outbound_choose_address_refuses_a_name_with_any_internal_address() -> None:
    with pytest.raises(RefusedURL) as caught:
        choose_address("mixed.example", ["93.184.215.14", "127.0.0.1"], allow_private=False)
    assert caught.value.reason == "forbidden_address"
    assert "mixed.example resolves to 127.0.0.1, a loopback address" in caught.value.detail
    assert "ARMSWATCH_ALLOW_PRIVATE_ADDRESSES" in caught.value.detail
    assert (
        choose_address("mixed.example", ["93.184.215.14", "127.0.0.1"], allow_private=True) == "93.184.215.14"
    )
    with pytest.raises(RefusedURL) as metadata:
        choose_address("169.254.169.254", ["169.254.169.254"], allow_private=True)
    assert "ARMSWATCH_ALLOW_PRIVATE_ADDRESSES" not in metadata.value.detail


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:19200/armswatch-articles/_doc",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:19200/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost/",
        "http://10.0.0.1/",
    ],
)
def test_outbound_check_destination_refuses_internal_addresses(url: str) -> None:
    with pytest.raises(RefusedURL) as caught:
        check_destination(url, allow_private=False)
    assert caught.value.reason == "forbidden_address"


def test_outbound_check_destination_warns_on_a_name_that_does_not_resolve() -> None:
    warning = check_destination("https://feeds.invalid/rss", allow_private=False)
    assert warning is not None and "checked again at every request" in warning
    assert check_destination("http://127.0.0.1:8080/hook", allow_private=True) is None


def test_outbound_connect_target_goes_to_the_address_and_asks_for_the_host() -> None:
    url, headers, extensions = connect_target(
        parse_target("https://Hooks.Example.org/a?b=1"), "93.184.215.14"
    )
    assert url == "https://93.184.215.14/a?b=1"
    assert headers == {"Host": "hooks.example.org"} and extensions == {"sni_hostname": "hooks.example.org"}
    url, headers, extensions = connect_target(
        parse_target("http://u:p@bücher.example:8080/x", credentials=True), "2606:2800::1"
    )
    assert url == "http://u:p@[2606:2800::1]:8080/x"
    assert headers == {"Host": "xn--bcher-kva.example:8080"} and extensions == {}


def test_outbound_masks_secrets_in_urls_and_messages() -> None:
    slack = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX"
    assert mask_url(slack, keep_path=False) == "https://hooks.slack.com/***"
    hook = "https://user:pa55word@hooks.example.org:8443/in?token=abcdef123&team=ops"
    assert mask_url(hook) == "https://***@hooks.example.org:8443/in?token=%2A%2A%2A&team=%2A%2A%2A"
    assert mask_url("https://h.example:99999/x") == "<invalid URL>"
    said = redact(f"Invalid URL {slack!r}; path /services/T000/B000/XXXXSECRETXXXX", slack, keep_path=False)
    assert "XXXXSECRETXXXX" not in said and "https://hooks.slack.com/***" in said
    said = redact(f"{hook} answered: bad token abcdef123 for user:pa55word", hook)
    assert "abcdef123" not in said and "pa55word" not in said
