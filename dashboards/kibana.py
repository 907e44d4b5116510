"""Talking to Kibana's saved objects API: wait until it serves, import with overwrite, export.

The parsing of Kibana's answers (``import_report``, ``describe_failure``, ``readiness``) is pure; the
``Kibana`` class only does the HTTP. Paths are space-aware: ``/s/<space>/api/...`` for any space but
the default one.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

SPACE_ID = re.compile(r"^[a-z0-9_-]+$")
# kbn-xsrf guards every write; Kibana checks its presence, not its value.
XSRF_HEADERS = {"kbn-xsrf": "armswatch"}
READY_LEVELS = ("available", "degraded")


class KibanaError(RuntimeError):
    """Kibana could not be reached or refused a request; the message says what to do next."""


@dataclass(frozen=True)
class Credentials:
    """How to authenticate: an API key, a user and password, or nothing (security disabled)."""

    username: str | None = None
    password: str | None = None
    api_key: str | None = None

    def headers(self) -> dict[str, str]:
        if self.api_key:
            return {"Authorization": f"ApiKey {self.api_key}"}
        return {}

    def basic_auth(self) -> tuple[str, str] | None:
        if self.api_key or not self.username:
            return None
        return (self.username, self.password or "")


@dataclass
class ImportReport:
    """What an import did, object by object."""

    created: list[dict[str, str]] = field(default_factory=list)
    updated: list[dict[str, str]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "success": self.success,
            "created": self.created,
            "updated": self.updated,
            "errors": self.errors,
            "warnings": self.warnings,
        }


def space_path(space: str | None) -> str:
    """``""`` for the default space, else ``/s/<space>``. Raises ValueError on an invalid space id."""
    if space in (None, "", "default"):
        return ""
    if not SPACE_ID.match(space):
        raise ValueError(
            f"invalid space id {space!r}: Kibana space ids use lower-case letters, digits, '_' and '-'"
        )
    return f"/s/{space}"


def describe_failure(error: dict[str, Any]) -> str:
    """A readable reason for one of Kibana's per-object import errors."""
    kind = error.get("type", "unknown")
    if kind == "missing_references":
        missing = ", ".join(f"{ref['type']}/{ref['id']}" for ref in error.get("references", []))
        return f"references objects Kibana does not have: {missing}"
    if kind == "unsupported_type":
        return "this Kibana does not know the object type (a plugin disabled, or a Kibana older than 9.0?)"
    if kind in ("conflict", "ambiguous_conflict"):
        return f"conflicts with an existing object ({kind})"
    message = error.get("message") or "no detail"
    status = error.get("statusCode")
    return f"{message} (HTTP {status})" if status else str(message)


def import_report(response: dict[str, Any]) -> ImportReport:
    """Split Kibana's ``_import`` answer into created, updated (overwritten) and failed objects."""
    report = ImportReport()
    for result in response.get("successResults") or []:
        entry = {
            "type": result["type"],
            "id": result["id"],
            "title": (result.get("meta") or {}).get("title") or result["id"],
        }
        (report.updated if result.get("overwrite") else report.created).append(entry)
    for failure in response.get("errors") or []:
        meta = failure.get("meta") or {}
        report.errors.append(
            {
                "type": failure.get("type"),
                "id": failure.get("id"),
                "title": meta.get("title") or failure.get("title") or failure.get("id"),
                "error": (failure.get("error") or {}).get("type", "unknown"),
                "detail": describe_failure(failure.get("error") or {}),
            }
        )
    for warning in response.get("warnings") or []:
        report.warnings.append(str(warning.get("message") if isinstance(warning, dict) else warning))
    if not response.get("success", not report.errors) and not report.errors:
        report.errors.append(
            {
                "type": None,
                "id": None,
                "title": None,
                "error": "unknown",
                "detail": "Kibana reported a failure",
            }
        )
    return report


def readiness(status_code: int, body: Any) -> tuple[bool, str]:
    """Whether a ``GET /api/status`` answer means the saved objects API can be used, and why (not)."""
    if status_code == 503:
        return False, "Kibana is starting (503 not ready yet)"
    if status_code != 200 or not isinstance(body, dict):
        return False, f"GET /api/status answered {status_code}"
    level = ((body.get("status") or {}).get("overall") or {}).get("level", "unknown")
    if level in READY_LEVELS:
        return True, f"Kibana {level}"
    return False, f"Kibana status {level}"


def _error_message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:300] or response.reason_phrase
    if isinstance(body, dict):
        return str(body.get("message") or body.get("error") or body)
    return str(body)[:300]


class Kibana:
    """A client of one Kibana (one space). Every call is bounded by ``timeout`` seconds."""

    def __init__(
        self,
        url: str,
        space: str | None = None,
        credentials: Credentials | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.url = url.rstrip("/")
        self.space = space or "default"
        self.api = f"{self.url}{space_path(space)}/api"
        credentials = credentials or Credentials()
        self.http = httpx.Client(
            headers=credentials.headers(),
            auth=credentials.basic_auth(),
            timeout=timeout,
            follow_redirects=True,
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Kibana:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _refuse_on_auth(self, response: httpx.Response) -> None:
        if response.status_code in (401, 403):
            raise KibanaError(
                f"Kibana at {self.url} refused the credentials ({response.status_code}: "
                f"{_error_message(response)}); pass --user/--password or --api-key of a user "
                "allowed to manage saved objects"
            )

    def wait_until_ready(
        self,
        timeout: float,
        progress: Callable[[str], None] = lambda _: None,
        poll_interval: float = 2.0,
    ) -> str:
        """Block until Kibana serves its API (status available or degraded); return its version.

        Reports each change of state through ``progress``. Raises KibanaError after ``timeout`` seconds,
        at once on refused credentials, or when the URL does not answer like Kibana.
        """
        deadline = time.monotonic() + timeout
        last = ""
        while True:
            try:
                response = self.http.get(f"{self.url}/api/status", timeout=min(10.0, timeout))
                self._refuse_on_auth(response)
                if response.status_code == 404:
                    raise KibanaError(
                        f"no Kibana at {self.url}: GET /api/status answered 404; check --kibana"
                    )
                try:
                    body: Any = response.json()
                except ValueError:
                    body = None
                ready, state = readiness(response.status_code, body)
                if ready:
                    version = str(((body or {}).get("version") or {}).get("number") or "unknown")
                    progress(f"{state}, version {version}")
                    return version
            except httpx.HTTPError as error:
                state = f"not reachable yet ({type(error).__name__})"
            if state != last:
                progress(f"waiting for Kibana at {self.url}: {state}")
                last = state
            if time.monotonic() + poll_interval > deadline:
                raise KibanaError(
                    f"Kibana at {self.url} was not ready after {timeout:.0f}s (last: {state}); "
                    "check that it runs and can reach Elasticsearch, or raise --wait"
                )
            time.sleep(poll_interval)

    def import_ndjson(self, ndjson: str, filename: str = "armswatch.ndjson") -> ImportReport:
        """Import with ``overwrite=true`` (installing twice changes nothing). Raises KibanaError when Kibana
        refuses the whole request; per-object failures are in the report."""
        try:
            response = self.http.post(
                f"{self.api}/saved_objects/_import",
                params={"overwrite": "true"},
                headers=XSRF_HEADERS,
                files={"file": (filename, ndjson.encode(), "application/ndjson")},
            )
        except httpx.HTTPError as error:
            raise KibanaError(f"import failed: Kibana at {self.url} did not answer ({error})") from None
        self._refuse_on_auth(response)
        if response.status_code == 404 and self.space != "default":
            raise KibanaError(f"Kibana has no space {self.space!r}: create it first, or leave out --space")
        if response.status_code != 200:
            raise KibanaError(
                f"Kibana refused the import ({response.status_code}): {_error_message(response)}"
            )
        return import_report(response.json())

    def export(self, objects: list[dict[str, str]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """Export ``objects`` (``{"type", "id"}``) and everything they reference; return the objects and
        Kibana's export details. Raises KibanaError when Kibana refuses (e.g. an object is missing)."""
        try:
            response = self.http.post(
                f"{self.api}/saved_objects/_export",
                headers=XSRF_HEADERS,
                json={"objects": objects, "includeReferencesDeep": True, "excludeExportDetails": False},
            )
        except httpx.HTTPError as error:
            raise KibanaError(f"export failed: Kibana at {self.url} did not answer ({error})") from None
        self._refuse_on_auth(response)
        if response.status_code != 200:
            raise KibanaError(
                f"Kibana refused the export ({response.status_code}): {_error_message(response)}; "
                "objects missing there can be installed with `armswatch dashboards install`"
            )
        lines = [json.loads(line) for line in response.text.splitlines() if line.strip()]
        details: dict[str, Any] = {}
        # The last line is the export summary, not an object.
        if lines and "exportedCount" in lines[-1]:
            details = lines.pop()
        return lines, details
