"""Reading Kibana's answers: import results object by object, readiness, space paths, credentials."""

from __future__ import annotations

import pytest

from dashboards.kibana import Credentials, describe_failure, import_report, readiness, space_path


def test_kibana_import_report_splits_created_updated_and_failed() -> None:
    report = import_report(
        {
            "success": False,
            "successCount": 2,
            "successResults": [
                {"type": "index-pattern", "id": "a", "meta": {"title": "armswatch-articles"}},
                {"type": "lens", "id": "b", "meta": {"title": "Top pairs"}, "overwrite": True},
            ],
            "errors": [
                {
                    "type": "dashboard",
                    "id": "c",
                    "meta": {"title": "Live"},
                    "error": {"type": "missing_references", "references": [{"type": "lens", "id": "gone"}]},
                }
            ],
            "warnings": [{"type": "simple", "message": "a note"}],
        }
    )
    assert report.created == [{"type": "index-pattern", "id": "a", "title": "armswatch-articles"}]
    assert report.updated == [{"type": "lens", "id": "b", "title": "Top pairs"}]
    assert report.errors == [
        {
            "type": "dashboard",
            "id": "c",
            "title": "Live",
            "error": "missing_references",
            "detail": "references objects Kibana does not have: lens/gone",
        }
    ]
    assert report.warnings == ["a note"]
    assert not report.success


def test_kibana_import_report_never_reports_success_kibana_denied() -> None:
    assert not import_report({"success": False, "successCount": 0}).success
    assert import_report({"success": True, "successCount": 0}).success


@pytest.mark.parametrize(
    ("error", "detail"),
    [
        ({"type": "unsupported_type"}, "does not know the object type"),
        ({"type": "conflict"}, "conflicts with an existing object"),
        ({"type": "unknown", "message": "belongs to a more recent version", "statusCode": 400}, "(HTTP 400)"),
    ],
)
def test_kibana_describe_failure(error: dict[str, object], detail: str) -> None:
    assert detail in describe_failure(error)


@pytest.mark.parametrize(
    ("status", "body", "ready"),
    [
        (503, None, False),
        (200, {"status": {"overall": {"level": "available"}}}, True),
        (200, {"status": {"overall": {"level": "degraded"}}}, True),
        (200, {"status": {"overall": {"level": "unavailable"}}}, False),
        (500, {"message": "boom"}, False),
    ],
)
def test_kibana_readiness(status: int, body: object, ready: bool) -> None:
    assert readiness(status, body)[0] is ready


def test_kibana_space_path() -> None:
    assert space_path(None) == space_path("default") == ""
    assert space_path("ops-team_2") == "/s/ops-team_2"
    with pytest.raises(ValueError, match="invalid space id"):
        space_path("../api")


def test_kibana_credentials_prefer_the_api_key() -> None:
    assert Credentials(api_key="k").headers() == {"Authorization": "ApiKey k"}
    assert Credentials(username="u", password="p", api_key="k").basic_auth() is None
    assert Credentials(username="u", password="p").basic_auth() == ("u", "p")
    assert Credentials().headers() == {} and Credentials().basic_auth() is None
