"""The model's JSON form: a round trip that is the identity, checked against the schema."""

import json

import jsonschema
from hypothesis import HealthCheck, given, settings

from exporter.errors import ModelError
from exporter.model import issue_from_json, issue_to_json, validate_issue
from exporter.model.serialize import issue_schema, issue_to_dict
from tests.support.strategies import issues


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues())
def test_json_round_trip_is_identity(issue):
    text = issue_to_json(issue)
    assert issue_from_json(text) == issue
    # same issue, same bytes
    assert issue_to_json(issue_from_json(text)) == text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues())
def test_serialised_issue_follows_published_schema(issue):
    jsonschema.validate(issue_to_dict(issue), issue_schema())
    assert validate_issue(issue) == []


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(issue_schema())


def _example_dict(example_dir):
    from exporter.load import load_issue

    return issue_to_dict(load_issue(example_dir).issue)


def test_schema_errors_name_the_article_and_field(example_dir):
    data = _example_dict(example_dir)
    article = data["pages"][0]["articles"][2]
    del article["title"]
    article["kind"] = "editorial"
    data["pages"][0]["articles"][4]["blocks"][0]["runs"][0]["text"] = 7
    try:
        issue_from_json(json.dumps(data), "issue.json")
    except ModelError as error:
        messages = [str(p) for p in error.problems]
    else:
        raise AssertionError("an invalid issue was accepted")
    assert any("article p01-03" in m and "field kind" in m for m in messages), messages
    assert any("article p01-03" in m and "'title'" in m and "missing" in m for m in messages), messages
    assert any("article p01-05" in m and "blocks[0].runs[0].text" in m for m in messages), messages
    assert all(m.startswith("issue.json") for m in messages)


def test_unknown_schema_version_is_refused(example_dir):
    data = _example_dict(example_dir)
    data["schema_version"] = 2
    try:
        issue_from_json(json.dumps(data))
    except ModelError as error:
        assert "schema_version" in str(error)
    else:
        raise AssertionError("schema version 2 was accepted")
