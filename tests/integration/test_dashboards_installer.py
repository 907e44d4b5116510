"""`armswatch dashboards install` and `export` against a local HTTP server that answers like Kibana 9.

The server records every request and keeps the imported objects per space, checking what Kibana
checks (the kbn-xsrf header, the multipart field `file`, credentials, references, known types,
conflicts without overwrite), so the installer's requests and its handling of Kibana's answers are
tested over real HTTP.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from app.cli import app
from dashboards.objects import dumps_ndjson, load, packaged_path

KNOWN_TYPES = {"index-pattern", "search", "lens", "dashboard", "visualization", "map"}
SERVER_FIELDS = {"updated_at": "2026-05-01T10:00:00.000Z", "created_at": "2026-05-01T10:00:00.000Z"}


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeKibana:
    """What one Kibana would do; ``not_ready`` status requests are answered 503 first."""

    not_ready: int = 0
    authorization: str | None = None
    failing_ids: set[str] = field(default_factory=set)
    spaces: set[str] = field(default_factory=lambda: {"default", "ops"})
    stored: dict[str, dict[tuple[str, str], dict[str, Any]]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, request: Recorded) -> tuple[int, str, bytes]:
        if self.authorization and request.headers.get("authorization") != self.authorization:
            return _json(401, {"statusCode": 401, "error": "Unauthorized", "message": "[security_exception]"})
        if request.path == "/api/status":
            if self.not_ready > 0:
                self.not_ready -= 1
                return _json(503, {"statusCode": 503, "message": "Kibana server is not ready yet"})
            return _json(200, {"version": {"number": "9.5.4"}, "status": {"overall": {"level": "available"}}})
        space, _, api = request.path.removeprefix("/s/").partition("/api/")
        space, api = (space, api) if request.path.startswith("/s/") else ("default", request.path[5:])
        if space not in self.spaces:
            return _json(404, {"statusCode": 404, "error": "Not Found", "message": "Not Found"})
        if request.method == "POST" and "kbn-xsrf" not in request.headers:
            return _json(400, {"statusCode": 400, "message": "Request must contain a kbn-xsrf header."})
        store = self.stored.setdefault(space, {})
        if api == "saved_objects/_import":
            return self._import(request, store)
        if api == "saved_objects/_export":
            return self._export(json.loads(request.body), store)
        return _json(404, {"statusCode": 404, "message": "Not Found"})

    def _import(
        self, request: Recorded, store: dict[tuple[str, str], dict[str, Any]]
    ) -> tuple[int, str, bytes]:
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + request.headers["content-type"].encode() + b"\r\n\r\n" + request.body
        )
        files = [
            part
            for part in message.iter_parts()
            if part.get_param("name", header="content-disposition") == "file"
        ]
        if not files or not str(files[0].get_filename()).endswith(".ndjson"):
            return _json(400, {"statusCode": 400, "message": "[request body.file]: expected an .ndjson file"})
        overwrite = request.query.get("overwrite") == ["true"]
        objects = [
            json.loads(line) for line in files[0].get_payload(decode=True).decode().splitlines() if line
        ]
        in_file = {(saved["type"], saved["id"]) for saved in objects}
        results: list[dict[str, Any]] = []
        errors: list[dict[str, Any]] = []
        for saved in objects:
            key = (saved["type"], saved["id"])
            meta = {"title": saved["attributes"].get("title")}
            missing = [
                {"type": ref["type"], "id": ref["id"]}
                for ref in saved["references"]
                if (ref["type"], ref["id"]) not in in_file | set(store)
            ]
            error: dict[str, Any] | None = None
            if saved["type"] not in KNOWN_TYPES:
                error = {"type": "unsupported_type"}
            elif missing:
                error = {"type": "missing_references", "references": missing}
            elif saved["id"] in self.failing_ids:
                error = {
                    "type": "unknown",
                    "message": "Document belongs to a more recent version",
                    "statusCode": 400,
                }
            elif key in store and not overwrite:
                error = {"type": "conflict"}
            if error:
                errors.append({"type": saved["type"], "id": saved["id"], "meta": meta, "error": error})
                continue
            results.append(
                {"type": saved["type"], "id": saved["id"], "meta": meta}
                | ({"overwrite": True} if key in store else {})
            )
            store[key] = saved
        body = {
            "success": not errors,
            "successCount": len(results),
            "successResults": results,
            "errors": errors,
        }
        return _json(200, body | {"warnings": []})

    def _export(
        self, body: dict[str, Any], store: dict[tuple[str, str], dict[str, Any]]
    ) -> tuple[int, str, bytes]:
        wanted = [(item["type"], item["id"]) for item in body["objects"]]
        absent = [
            {"type": t, "id": i, "error": {"statusCode": 404}} for t, i in wanted if (t, i) not in store
        ]
        if absent:
            return _json(
                400, {"statusCode": 400, "message": "Error fetching objects to export", "attributes": absent}
            )
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        todo = list(wanted)
        while todo:
            key = todo.pop()
            if key in seen or key not in store:
                continue
            seen[key] = store[key]
            if body.get("includeReferencesDeep"):
                todo += [(ref["type"], ref["id"]) for ref in store[key]["references"]]
        # Kibana adds its bookkeeping and sorts its own way; the exporter must normalise.
        lines = [
            json.dumps(saved | SERVER_FIELDS | {"namespaces": ["default"], "version": "WzEsMV0="})
            for saved in seen.values()
        ]
        lines.append(
            json.dumps(
                {
                    "excludedObjects": [],
                    "exportedCount": len(seen),
                    "missingRefCount": 0,
                    "missingReferences": [],
                }
            )
        )
        return 200, "application/ndjson", ("\n".join(lines) + "\n").encode()


def _json(status: int, body: dict[str, Any]) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(body).encode()


@pytest.fixture
def kibana() -> Iterator[tuple[FakeKibana, str]]:
    fake = FakeKibana()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("content-length") or 0)
            request = Recorded(
                self.command,
                url.path,
                parse_qs(url.query),
                {key.lower(): value for key, value in self.headers.items()},
                self.rfile.read(length),
            )
            with fake.lock:
                fake.requests.append(request)
                status, content_type, body = fake.answer(request)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _serve

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.timeout = 5
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield fake, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _run(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, ["dashboards", *args], env={"ARMSWATCH_CONFIG": "", **(env or {})})


def _err(result: Any) -> str:
    """stderr with the console's line wrapping undone."""
    return " ".join(result.stderr.split())


def _output_json(result: Any) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_dashboards_install_waits_for_kibana_then_imports_into_the_space(
    kibana: tuple[FakeKibana, str],
) -> None:
    fake, url = kibana
    fake.not_ready = 2
    fake.authorization = "ApiKey c2VjcmV0OmtleQ=="
    args = (
        "install",
        "--kibana",
        url,
        "--space",
        "ops",
        "--api-key",
        "c2VjcmV0OmtleQ==",
        "--wait",
        "30",
        "--json",
    )
    result = _run(*args, env={"ARMSWATCH_INDEX_PREFIX": "news"})
    assert result.exit_code == 0, result.output
    assert "waiting for Kibana" in _err(result) and "not ready yet" in _err(result)
    report = _output_json(result)
    objects = load()
    assert report["success"] is True and report["kibana_version"] == "9.5.4"
    assert len(report["created"]) == len(objects) and report["updated"] == [] and report["errors"] == []
    assert {link["url"] for link in report["dashboards"]} == {
        f"{url}/s/ops/app/dashboards#/view/{saved['id']}" for saved in objects if saved["type"] == "dashboard"
    }

    statuses = [r for r in fake.requests if r.path == "/api/status"]
    assert len(statuses) == 3
    [upload] = [r for r in fake.requests if r.method == "POST"]
    assert upload.path == "/s/ops/api/saved_objects/_import"
    assert upload.query == {"overwrite": ["true"]}
    assert "kbn-xsrf" in upload.headers
    assert upload.headers["authorization"] == "ApiKey c2VjcmV0OmtleQ=="
    assert upload.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="armswatch.ndjson"' in upload.body
    stored = fake.stored["ops"]
    assert stored[("index-pattern", "armswatch-mentions")]["attributes"]["title"] == "news-mentions"
    assert stored[("lens", "armswatch-top-pairs")] == next(
        s for s in objects if s["id"] == "armswatch-top-pairs"
    )

    again = _run(*args)
    assert again.exit_code == 0, again.output
    second = _output_json(again)
    assert second["created"] == [] and len(second["updated"]) == len(objects)


def test_dashboards_install_reports_kibanas_per_object_errors_and_exits_1(
    kibana: tuple[FakeKibana, str], tmp_path: Path
) -> None:
    fake, url = kibana
    fake.failing_ids = {"armswatch-top-pairs"}
    result = _run("install", "--kibana", url, "--wait", "10")
    assert result.exit_code == 1
    assert "failed lens armswatch-top-pairs: Top supplier → recipient pairs" in _err(result)
    assert "more recent version (HTTP 400)" in _err(result)
    assert "missing_references" not in _err(result)
    assert "some objects were not imported" in _err(result)

    # A dashboard whose panels Kibana does not have: the reason names the missing objects.
    dashboard = next(s for s in load() if s["id"] == "armswatch-coverage-dashboard")
    lonely = tmp_path / "lonely.ndjson"
    lonely.write_text(dumps_ndjson([dashboard]))
    fake.stored.clear()
    result = _run("install", "--kibana", url, "--wait", "10", "--file", str(lonely), "--json")
    assert result.exit_code == 1
    [error] = _output_json(result)["errors"]
    assert error["id"] == "armswatch-coverage-dashboard" and error["error"] == "missing_references"
    assert "lens/armswatch-articles-per-day" in error["detail"]


def test_dashboards_install_sends_basic_auth_and_stops_at_once_when_refused(
    kibana: tuple[FakeKibana, str],
) -> None:
    fake, url = kibana
    fake.authorization = "Basic " + base64.b64encode(b"elastic:changeme").decode()
    ok = _run("install", "--kibana", url, "--user", "elastic", "--password", "changeme", "--wait", "10")
    assert ok.exit_code == 0, ok.output
    fake.requests.clear()
    refused = _run("install", "--kibana", url, "--user", "elastic", "--password", "wrong", "--wait", "60")
    assert refused.exit_code == 1
    assert "refused the credentials (401: [security_exception])" in _err(refused)
    assert len(fake.requests) == 1


def test_dashboards_install_gives_up_after_the_wait_and_says_why(kibana: tuple[FakeKibana, str]) -> None:
    fake, url = kibana
    fake.not_ready = 1000
    result = _run("install", "--kibana", url, "--wait", "3", "--json")
    assert result.exit_code == 1
    assert "was not ready after 3s" in _output_json(result)["error"]
    assert not [r for r in fake.requests if r.method == "POST"]


def test_dashboards_install_into_a_missing_space_says_to_create_it(kibana: tuple[FakeKibana, str]) -> None:
    _, url = kibana
    result = _run("install", "--kibana", url, "--space", "nowhere", "--wait", "10")
    assert result.exit_code == 1
    assert "no space 'nowhere'" in _err(result)


def test_dashboards_export_writes_the_repository_format_back(
    kibana: tuple[FakeKibana, str], tmp_path: Path
) -> None:
    fake, url = kibana
    installed = _run("install", "--kibana", url, "--wait", "10", env={"ARMSWATCH_INDEX_PREFIX": "news"})
    assert installed.exit_code == 0, installed.output
    destination = tmp_path / "armswatch.ndjson"
    destination.write_text(packaged_path().read_text(encoding="utf-8"))

    unchanged = _run("export", "--kibana", url, "--wait", "10", "-o", str(destination), "--json")
    assert unchanged.exit_code == 0, unchanged.output
    summary = _output_json(unchanged)
    assert (summary["added"], summary["removed"], summary["changed"]) == ([], [], [])
    assert destination.read_text(encoding="utf-8") == packaged_path().read_text(encoding="utf-8")
    [export_request] = [r for r in fake.requests if r.path == "/api/saved_objects/_export"]
    assert "kbn-xsrf" in export_request.headers
    asked = json.loads(export_request.body)
    assert asked["includeReferencesDeep"] is True
    assert {item["type"] for item in asked["objects"]} == {"dashboard"}

    # A maintainer renames a chart in Kibana: the export shows it and the file follows.
    fake.stored["default"][("lens", "armswatch-top-states")]["attributes"]["title"] = "States named"
    edited = _run("export", "--kibana", url, "--wait", "10", "-o", str(destination))
    assert edited.exit_code == 0, edited.output
    assert "changed lens/armswatch-top-states" in _err(edited)
    assert '"title":"States named"' in destination.read_text(encoding="utf-8")
