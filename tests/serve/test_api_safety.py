"""What the API refuses: garbage parameters (a 4xx with one line, never a 500), writes without the
token, bodies over the cap; and what it never sends: CORS permissions, sniffable types."""

from __future__ import annotations

import pytest

GARBAGE = ["", "x", "-1", "0", "99999999999999999999999", "2022-13-45", "RUS-", "<script>", "' OR 1=1 --", "%",
           "\x00", "ä" * 300, "1e9", "NaN"]

ENDPOINTS = {
    "/api/events": ["source", "target", "dyad", "actor", "code", "root", "quad", "mode", "since", "until",
                    "min_sources", "limit", "offset"],
    "/api/documents": ["q", "limit", "offset"],
    "/api/quotes": ["speaker", "doc_id", "limit", "offset"],
    "/api/actors": ["country", "q", "limit", "offset"],
    "/api/dyad?a=RUS&b=UKR": ["a", "b", "interval", "since", "until"],
    "/api/relations?country=RUS": ["country", "since", "until", "limit"],
    "/api/graph": ["since", "until", "min_events"],
    "/api/places": ["since", "until"],
}


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_garbage_parameters_are_refused_with_one_line_never_a_server_error(client, endpoint):
    for name in ENDPOINTS[endpoint]:
        for value in GARBAGE:
            answer = client.get(endpoint, params={name: value})
            assert answer.status_code < 500, (endpoint, name, value, answer.text)
            if answer.status_code >= 400:
                detail = answer.json()["detail"]
                assert isinstance(detail, str) and "\n" not in detail, (endpoint, name, value, detail)


def test_a_bad_filter_names_itself(client):
    answer = client.get("/api/events", params={"since": "2022-99"})
    assert answer.status_code == 400 and "since" in answer.json()["detail"]
    answer = client.get("/api/events", params={"limit": "many"})
    assert answer.status_code == 422 and answer.json()["detail"].startswith("limit")
    assert client.get("/api/dyad").status_code == 422  # a and b are required


@pytest.mark.parametrize("path", ["/api/events/abc", "/api/events/1e3", "/api/events/99999999999999999999999",
                                  "/api/documents/%00", "/api/documents/" + "x" * 500])
def test_garbage_ids_are_refused_or_not_found(client, path):
    answer = client.get(path)
    assert 400 <= answer.status_code < 500 and isinstance(answer.json()["detail"], str)


UNKNOWN_AND_MALFORMED = [  # (method, path for an id the store does not hold, path for an id that is no id)
    ("GET", "/api/events/12345", "/api/events/twelve"),
    ("GET", "/api/events/-7", "/api/events/1.5"),
    ("GET", "/api/documents/0123456789abcdef", "/api/documents/" + "x" * 201),
    ("GET", "/api/documents/0123456789abcdef/related", "/api/documents/" + "x" * 201 + "/related"),
    ("POST", "/api/events/12345/reviews", "/api/events/twelve/reviews"),
    ("POST", "/api/events/-7/reviews", "/api/events/99999999999999999999999/reviews"),
]


@pytest.mark.parametrize(("method", "unknown", "malformed"), UNKNOWN_AND_MALFORMED)
def test_every_id_route_answers_404_for_an_unknown_id_and_422_for_a_malformed_one(client, token, method, unknown,
                                                                                  malformed):
    review = {"verdict": "confirm", "reviewer": "ana"}
    headers = {"Authorization": f"Bearer {token}"}
    for path, status in ((unknown, 404), (malformed, 422)):
        answer = client.request(method, path, json=review if method == "POST" else None, headers=headers)
        detail = answer.json()["detail"]
        assert answer.status_code == status and isinstance(detail, str) and "\n" not in detail, (path, answer.text)


def test_answers_are_json_never_sniffed_and_fetch_only_from_this_host(client):
    for path in ("/api/events", "/", "/api/events?limit=x"):
        answer = client.get(path)
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in answer.headers["content-security-policy"]
    assert client.get("/api/events").headers["content-type"] == "application/json"


def test_api_docs_are_served_by_the_app_with_only_their_own_inline_script_allowed(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "http://" not in page.text and "https://" not in page.text  # no CDN
    policy = page.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy and "http" not in policy and "'sha256-" in policy
    assert client.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/vendor/swagger-ui/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert "'sha256-" not in client.get("/").headers["content-security-policy"]  # the page runs no inline script
    assert client.get("/redoc").status_code == 404


def test_cors_is_closed(client):
    answer = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert not any(name.lower().startswith("access-control-") for name in answer.headers)
    preflight = client.options("/api/documents", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization"})
    assert "access-control-allow-origin" not in preflight.headers


def test_writes_are_refused_without_the_right_token(client, own_store, make_client, token):
    review = {"verdict": "confirm", "reviewer": "ana"}
    doc = {"text": "Russia's foreign minister met his Turkish counterpart in Ankara on Monday."}
    link_id = client.get("/api/events").json()["items"][0]["link_id"]
    for path, body in (("/api/documents", doc), (f"/api/events/{link_id}/reviews", review)):
        assert client.post(path, json=body).status_code == 401
        assert client.post(path, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.post(path, json=body, headers={"Authorization": token}).status_code == 401
        answer = client.post(path, json=body, headers={"Authorization": f"Bearer {token}x"})
        assert answer.status_code == 401 and token not in answer.text
    no_token = make_client(own_store)
    answer = no_token.post("/api/documents", json=doc, headers={"Authorization": "Bearer anything"})
    assert answer.status_code == 403 and "writes disabled" in answer.json()["detail"]


def test_a_body_over_the_cap_is_refused(client, token):
    big = {"text": "x" * (2 * 1024 * 1024 + 10)}
    answer = client.post("/api/documents", json=big, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 413 and "request body over" in answer.json()["detail"]

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(30):
            yield b"x" * 100_000

    answer = client.post("/api/documents", content=chunks(), headers={"Authorization": f"Bearer {token}",
                                                                        "Content-Type": "application/json"})
    assert answer.status_code == 413


def test_a_malformed_body_is_a_client_error(client, token):
    headers = {"Authorization": f"Bearer {token}"}
    for body in ({}, {"text": ""}, {"text": 5}, {"text": "Some text.", "published": "yesterday"}):
        answer = client.post("/api/documents", json=body, headers=headers)
        assert 400 <= answer.status_code < 500 and "\n" not in answer.json()["detail"], body
    answer = client.post("/api/documents", content=b"{not json",
                         headers={**headers, "Content-Type": "application/json"})
    assert answer.status_code == 422
