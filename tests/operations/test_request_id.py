"""Every response carries a request id; every log line of the request carries it, and so do the
lines of the tasks the request enqueued (in a real worker: tests/operations/test_scale_out.py)."""

import logging

import pytest
from django.core.cache import cache

from config.operations import request_id

pytestmark = pytest.mark.django_db


def test_each_response_has_an_id_and_a_sane_incoming_one_is_kept(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a9c2e-0001"})
    assert kept["X-Request-ID"] == "lb-7f3a9c2e-0001"
    refused = client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert refused["X-Request-ID"] != "<script>"


def test_log_records_of_a_request_carry_its_id(client, caplog):
    handler_filter = request_id.RequestIdFilter()
    caplog.handler.addFilter(handler_filter)
    with caplog.at_level(logging.INFO, logger="ncrl.access"):
        response = client.get("/healthz", headers={"X-Request-ID": "req-1234abcd"})
    lines = [r for r in caplog.records if r.name == "ncrl.access"]
    assert lines and lines[-1].request_id == response["X-Request-ID"] == "req-1234abcd"
    assert lines[-1].status == 200 and lines[-1].path == "/healthz"


def test_a_task_enqueued_in_a_request_runs_under_its_id():
    token = request_id.current_request_id.set("req-abcdef12")

    class Result:
        id = "task-1"

    try:
        request_id.remember_for_task(None, Result())
    finally:
        request_id.current_request_id.reset(token)
    assert cache.get(request_id.TASK_KEY.format("task-1")) == "req-abcdef12"
    request_id.adopt_in_task(None, Result())
    assert request_id.current_request_id.get() == "req-abcdef12"
    assert request_id.current_task_id.get() == "task-1"
    request_id.forget_in_task(None, Result())
    assert request_id.current_request_id.get() == ""
